import type { ComponentType } from 'react';
import { loadStaffTexts } from '../i18n';
import { createBrowserRouter, Navigate } from '../lib/router';
import { RequireAuth } from './layouts/require-auth';
import { RootLayout, STAFF_SHELL } from './layouts/root-layout';
import { AppointmentsPage } from './routes/appointments';
import { HomePage } from './routes/home';
import { NotFoundPage } from './routes/not-found';

/**
 * A page loaded when its route is first visited (its module and what only it imports), so the
 * start page carries none of the administration, staff or call code. Navigation waits for the
 * module and keeps the current page on screen meanwhile.
 */
function page<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
  texts: 'common' | 'staff' = 'common',
): () => Promise<{ Component: ComponentType }> {
  return async () => {
    const [module] = await Promise.all([load(), texts === 'staff' ? loadStaffTexts() : null]);
    return { Component: module[name] };
  };
}

/** A staff page: its module and the staff pages' texts. */
const staffPage = <Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) => page(load, name, 'staff');

/**
 * Every page has its own path, so back and forward work and any step can be linked to. The
 * video room and the guest's page fill the screen: they are outside the shell (no header,
 * footer or tabs).
 */
export const router = createBrowserRouter([
  // A guest of a video consultation: no account, the link's token in the fragment.
  { path: '/gjest', lazy: page(() => import('./routes/guest'), 'GuestPage') },
  {
    element: <RequireAuth />,
    children: [
      {
        path: '/timer/:id/video',
        lazy: page(() => import('./routes/video-room'), 'PatientVideoPage'),
      },
    ],
  },
  {
    lazy: staffPage(() => import('./layouts/require-staff'), 'RequireStaff'),
    children: [
      {
        path: '/arbeidsflate/video/:id',
        lazy: staffPage(() => import('./routes/video-room'), 'PractitionerVideoPage'),
      },
    ],
  },
  {
    element: <RootLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      // Camera, sound and network, tried any time: no sign-in.
      { path: '/test', lazy: page(() => import('./routes/device-test'), 'DeviceTestPage') },
      { path: '/logg-inn', lazy: page(() => import('./routes/sign-in'), 'SignInPage') },
      { path: '/utboks', lazy: staffPage(() => import('./routes/outbox'), 'OutboxPage') },
      // The accessibility statement, open to anyone; its texts come with it (decision 0031).
      {
        path: '/tilgjengelighet',
        lazy: page(() => import('./routes/accessibility'), 'AccessibilityPage'),
      },
      {
        path: '/ansatt/logg-inn',
        lazy: page(() => import('./routes/staff-sign-in'), 'StaffSignInPage'),
      },
      // Clinic administration: AdminLayout checks the staff sign-in and the admin role itself.
      {
        path: '/admin',
        lazy: staffPage(() => import('./routes/admin-home'), 'AdminHomePage'),
        handle: STAFF_SHELL,
      },
      {
        path: '/admin/:clinicId',
        lazy: staffPage(() => import('./layouts/admin-layout'), 'AdminLayout'),
        handle: STAFF_SHELL,
        children: [
          { index: true, element: <Navigate to="profil" replace /> },
          {
            path: 'profil',
            lazy: staffPage(() => import('./routes/admin-profile'), 'AdminProfilePage'),
          },
          {
            path: 'ansatte',
            lazy: staffPage(() => import('./routes/admin-staff'), 'AdminStaffPage'),
          },
          {
            path: 'timetyper',
            lazy: staffPage(() => import('./routes/admin-types'), 'AdminTypesPage'),
          },
          {
            path: 'apningstider',
            lazy: staffPage(() => import('./routes/admin-hours'), 'AdminHoursPage'),
          },
          {
            path: 'varsler',
            lazy: staffPage(() => import('./routes/admin-notifications'), 'AdminNotificationsPage'),
          },
          { path: 'logg', lazy: staffPage(() => import('./routes/admin-log'), 'AdminLogPage') },
        ],
      },
      {
        path: '/invitasjon/:token',
        lazy: staffPage(() => import('./routes/invitation'), 'InvitationPage'),
      },
      {
        lazy: staffPage(() => import('./layouts/require-staff'), 'RequireStaff'),
        handle: STAFF_SHELL,
        children: [
          {
            path: '/arbeidsflate',
            lazy: staffPage(() => import('./routes/workspace'), 'WorkspacePage'),
          },
          {
            path: '/arbeidsflate/kalender',
            lazy: staffPage(() => import('./routes/calendar'), 'CalendarPage'),
          },
          {
            path: '/arbeidsflate/kalender/:id',
            lazy: staffPage(() => import('./routes/calendar'), 'CalendarAppointmentPage'),
          },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            path: '/finn-klinikk',
            lazy: page(() => import('./routes/find-clinic'), 'FindClinicPage'),
          },
          { path: '/klinikk/:clinicId', lazy: page(() => import('./routes/clinic'), 'ClinicPage') },
          {
            path: '/klinikk/:clinicId/bestill/behandler',
            lazy: page(() => import('./routes/booking-practitioner'), 'BookingPractitionerPage'),
          },
          {
            path: '/klinikk/:clinicId/bestill/type',
            lazy: page(() => import('./routes/booking-type'), 'BookingTypePage'),
          },
          {
            path: '/klinikk/:clinicId/bestill/tid',
            lazy: page(() => import('./routes/booking-time'), 'BookingTimePage'),
          },
          {
            path: '/klinikk/:clinicId/bestill/bekreft',
            lazy: page(() => import('./routes/booking-confirm'), 'BookingConfirmPage'),
          },
          // Min kalender is the patients' other start page: in the first load, with the home page.
          { path: '/timer', element: <AppointmentsPage /> },
          {
            path: '/timer/:id',
            lazy: page(() => import('./routes/appointment'), 'AppointmentPage'),
          },
          {
            path: '/timer/:id/bekreftet',
            lazy: page(() => import('./routes/booked'), 'BookedPage'),
          },
          {
            path: '/varsler',
            lazy: page(() => import('./routes/notifications'), 'NotificationsPage'),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
