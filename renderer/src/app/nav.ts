/** The sidebar, in the order a coordinator works. Each feature adds its entry here. */
export const NAV: { to: string; label: string }[] = [
  { to: '/', label: 'Home' },
  { to: '/deadlines', label: 'Deadlines' },
  { to: '/tasks', label: 'Tasks' },
  { to: '/elections', label: 'Elections' },
  { to: '/areas', label: 'Areas' },
  { to: '/candidates', label: 'Candidates' },
  { to: '/planner', label: 'Where to stand' },
  { to: '/treasury', label: 'Treasury' },
  { to: '/leaflets', label: 'Leaflets' },
  { to: '/volunteers', label: 'Volunteers' },
  { to: '/register', label: 'Register' },
  { to: '/canvass', label: 'Canvass' },
  { to: '/activity', label: 'Activity' },
  { to: '/settings/holidays', label: 'Holidays' },
  { to: '/backups', label: 'Backups' },
  { to: '/settings', label: 'Settings' },
];
