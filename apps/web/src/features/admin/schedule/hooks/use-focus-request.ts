import { useEffect, useState } from 'react';

/**
 * Moves focus to the element with an id once React has drawn it (a row just added, the add
 * button after a row was removed). A new object each time, so asking twice focuses twice.
 */
export function useFocusRequest(): (id: string) => void {
  const [request, setRequest] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (request) document.getElementById(request.id)?.focus();
  }, [request]);
  return (id) => setRequest({ id });
}
