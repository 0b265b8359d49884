-- Election rules round two (issue 14): the facts a contest's limit and papers depend on that the
-- election type alone does not give.
-- A police and crime commissioner's limit is a fixed sum for the police area; NULL = the area's
-- name decides it. A long campaign or pre-candidacy period has its own limit: the figure from the
-- returning officer's notice can replace the rule's (or stand where no rule's figure is known).
ALTER TABLE treasury_settings ADD COLUMN police_area TEXT;
ALTER TABLE treasury_settings ADD COLUMN early_limit_override_pence INTEGER
  CHECK (early_limit_override_pence IS NULL OR early_limit_override_pence > 0);

-- A combined authority's constituent councils: the mayor's limit multiplies its fixed sum by
-- them, and more than 10 councils raise the subscribers needed (10 from each).
ALTER TABLE contest_nomination_rules ADD COLUMN councils INTEGER CHECK (councils IS NULL OR councils BETWEEN 1 AND 100);
