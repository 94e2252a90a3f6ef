import { createBrowserRouter, Navigate } from 'react-router';
import { AdminLayout } from './layouts/admin-layout';
import { RequireAuth } from './layouts/require-auth';
import { RequireStaff } from './layouts/require-staff';
import { RootLayout, STAFF_SHELL } from './layouts/root-layout';
import { AdminHomePage } from './routes/admin-home';
import { AdminHoursPage } from './routes/admin-hours';
import { AdminLogPage } from './routes/admin-log';
import { AdminNotificationsPage } from './routes/admin-notifications';
import { AdminProfilePage } from './routes/admin-profile';
import { AdminStaffPage } from './routes/admin-staff';
import { AdminTypesPage } from './routes/admin-types';
import { AppointmentPage } from './routes/appointment';
import { AppointmentsPage } from './routes/appointments';
import { BookedPage } from './routes/booked';
import { BookingConfirmPage } from './routes/booking-confirm';
import { BookingPractitionerPage } from './routes/booking-practitioner';
import { BookingTimePage } from './routes/booking-time';
import { BookingTypePage } from './routes/booking-type';
import { CalendarAppointmentPage, CalendarPage } from './routes/calendar';
import { ClinicPage } from './routes/clinic';
import { FindClinicPage } from './routes/find-clinic';
import { HomePage } from './routes/home';
import { InvitationPage } from './routes/invitation';
import { NotFoundPage } from './routes/not-found';
import { NotificationsPage } from './routes/notifications';
import { OutboxPage } from './routes/outbox';
import { SignInPage } from './routes/sign-in';
import { StaffSignInPage } from './routes/staff-sign-in';
import { PatientVideoPage, PractitionerVideoPage } from './routes/video-room';
import { WorkspacePage } from './routes/workspace';

/**
 * Every page has its own path, so back and forward work and any step can be linked to. The
 * video room fills the screen: it is outside the shell (no header, footer or tabs).
 */
export const router = createBrowserRouter([
  {
    element: <RequireAuth />,
    children: [{ path: '/timer/:id/video', element: <PatientVideoPage /> }],
  },
  {
    element: <RequireStaff />,
    children: [{ path: '/arbeidsflate/video/:id', element: <PractitionerVideoPage /> }],
  },
  {
    element: <RootLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/logg-inn', element: <SignInPage /> },
      { path: '/utboks', element: <OutboxPage /> },
      { path: '/ansatt/logg-inn', element: <StaffSignInPage /> },
      // Clinic administration: AdminLayout checks the staff sign-in and the admin role itself.
      { path: '/admin', element: <AdminHomePage />, handle: STAFF_SHELL },
      {
        path: '/admin/:clinicId',
        element: <AdminLayout />,
        handle: STAFF_SHELL,
        children: [
          { index: true, element: <Navigate to="profil" replace /> },
          { path: 'profil', element: <AdminProfilePage /> },
          { path: 'ansatte', element: <AdminStaffPage /> },
          { path: 'timetyper', element: <AdminTypesPage /> },
          { path: 'apningstider', element: <AdminHoursPage /> },
          { path: 'varsler', element: <AdminNotificationsPage /> },
          { path: 'logg', element: <AdminLogPage /> },
        ],
      },
      { path: '/invitasjon/:token', element: <InvitationPage /> },
      {
        element: <RequireStaff />,
        handle: STAFF_SHELL,
        children: [
          { path: '/arbeidsflate', element: <WorkspacePage /> },
          { path: '/arbeidsflate/kalender', element: <CalendarPage /> },
          { path: '/arbeidsflate/kalender/:id', element: <CalendarAppointmentPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          { path: '/finn-klinikk', element: <FindClinicPage /> },
          { path: '/klinikk/:clinicId', element: <ClinicPage /> },
          { path: '/klinikk/:clinicId/bestill/behandler', element: <BookingPractitionerPage /> },
          { path: '/klinikk/:clinicId/bestill/type', element: <BookingTypePage /> },
          { path: '/klinikk/:clinicId/bestill/tid', element: <BookingTimePage /> },
          { path: '/klinikk/:clinicId/bestill/bekreft', element: <BookingConfirmPage /> },
          { path: '/timer', element: <AppointmentsPage /> },
          { path: '/timer/:id', element: <AppointmentPage /> },
          { path: '/timer/:id/bekreftet', element: <BookedPage /> },
          { path: '/varsler', element: <NotificationsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
