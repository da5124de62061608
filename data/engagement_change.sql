-- How each tier's published engagement rate changed from its first to its last
-- reported year. Reads the engagement dataset by name and keeps reported rows
-- only: illustrative placeholders are never part of a computed figure.
WITH reported AS (
  SELECT tier, year, engagement_rate
  FROM engagement
  WHERE basis = 'reported' AND engagement_rate IS NOT NULL
),
ends AS (
  SELECT
    tier,
    min(year) AS first_year,
    max(year) AS last_year,
    arg_min(engagement_rate, year) AS first_rate,
    arg_max(engagement_rate, year) AS last_rate,
    count(*) AS reported_years
  FROM reported
  GROUP BY tier
  HAVING count(*) >= 2
)
SELECT
  tier,
  first_year,
  last_year,
  first_rate,
  last_rate,
  round(last_rate - first_rate, 2) AS change_points,
  round((first_rate - last_rate) / first_rate * 100, 1) AS decline_percent,
  reported_years
FROM ends
ORDER BY list_position(['nano', 'micro', 'mid_tier', 'macro', 'mega'], tier)
