-- Treasury (issue 7): when a leaflet print run charged to a contest was paid. The print run
-- itself (cost, printer, date) stays the leaflets' record and is read, never copied; only the
-- payment date, which is the treasurer's to record, lives here. Deleting the print run removes it.
CREATE TABLE print_run_payments (
  print_run_id INTEGER PRIMARY KEY REFERENCES print_runs (id) ON DELETE CASCADE,
  paid_on TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
