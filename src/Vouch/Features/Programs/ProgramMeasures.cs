namespace Vouch.Features.Programs;

/// <summary>A measure a KPI can follow: one monthly series of the dashboard.</summary>
/// <remarks>Unit: money, count, rate (0 to 1), days or hours.</remarks>
public sealed record Measure(string Key, string Name, string Unit, bool HigherIsBetter);

/// <summary>A KPI as the program set it: which measure, under which name, against which target, and which way is better.</summary>
public sealed record KpiDefinition(string Measure, string Name, decimal Target, bool HigherIsBetter);

/// <summary>One month of a KPI: its value (null when it cannot be computed) and whether it met the target.</summary>
public sealed record KpiMonth(string Month, double? Value, bool? Met);

/// <summary>
/// Where a KPI stands: each month's value, the latest month that has one, the trend from the month before it, and whether
/// it is on track. A KPI with no value yet is neither on track nor off it, and says why.
/// </summary>
/// <remarks>Trend: up, down or flat (the latest value against the one before); null with fewer than two values.</remarks>
public sealed record KpiStatus(
    string Measure, string Name, string Unit, decimal Target, bool HigherIsBetter, IReadOnlyList<KpiMonth> Months,
    string? LatestMonth, double? Latest, string? Trend, bool? Improving, bool? OnTrack, string? Reason);

/// <summary>
/// The program's measures and the rules its KPIs are judged by (decision 28). A month meets its target when its value is
/// at least the target (or at most it, when lower is better); a KPI is on track when the latest month with a value meets
/// its target. Pure: the monthly values come from the dashboard.
/// </summary>
public static class ProgramMeasures
{
    public const int MaxKpis = 5;

    public static readonly IReadOnlyList<Measure> All =
    [
        new("influenced-revenue", "Influenced revenue", "money", true),
        new("influenced-pipeline", "Influenced pipeline", "money", true),
        new("win-rate-with-references", "Win rate with references", "rate", true),
        new("win-rate-without-references", "Win rate without references", "rate", true),
        new("requests", "Requests made", "count", true),
        new("fulfilment-rate", "Fulfilment rate", "rate", true),
        new("days-to-fulfil", "Median business days to schedule", "days", false),
        new("fulfilled-within-sla", "Scheduled within the service level", "rate", true),
        new("acceptance-rate", "Acceptance rate", "rate", true),
        new("promoters-recruited", "Promoters recruited", "count", true),
        new("hours-asked", "Hours asked of advocates", "hours", false),
        new("hours-given", "Hours given to advocates", "hours", true),
        new("event-prospects", "Prospects attending events", "count", true),
        new("event-conversions", "Prospects converted by events", "count", true),
        new("event-conversion-rate", "Event conversion rate", "rate", true),
        new("executive-conversations", "Executive conversations", "count", true),
    ];

    public static Measure? Find(string? key) => All.FirstOrDefault(m => string.Equals(m.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Where <paramref name="kpi"/> stands, from its measure's value in each month (oldest first).</summary>
    public static KpiStatus Judge(KpiDefinition kpi, Measure measure, IReadOnlyList<string> months, IReadOnlyList<double?> values)
    {
        var target = (double)kpi.Target;
        bool? Meets(double? value) => value is { } v ? kpi.HigherIsBetter ? v >= target : v <= target : null;
        var judged = months.Select((m, i) => new KpiMonth(m, values[i], Meets(values[i]))).ToList();
        var known = judged.Where(m => m.Value is not null).ToList();
        if (known.Count == 0)
        {
            return new KpiStatus(measure.Key, kpi.Name, measure.Unit, kpi.Target, kpi.HigherIsBetter, judged, null, null, null, null, null,
                "No month of the period has a value for this measure yet.");
        }
        var latest = known[^1];
        string? trend = null;
        bool? improving = null;
        if (known.Count >= 2)
        {
            var change = latest.Value!.Value - known[^2].Value!.Value;
            trend = change > 0 ? "up" : change < 0 ? "down" : "flat";
            improving = change == 0 ? null : (change > 0) == kpi.HigherIsBetter;
        }
        return new KpiStatus(measure.Key, kpi.Name, measure.Unit, kpi.Target, kpi.HigherIsBetter, judged, latest.Month, latest.Value, trend, improving, latest.Met, null);
    }

    /// <summary>Monday-to-Friday days from one moment to another, counted by date: the same day is 0, Friday to Monday is 1.</summary>
    public static int BusinessDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var start = DateOnly.FromDateTime(from.UtcDateTime);
        var end = DateOnly.FromDateTime(to.UtcDateTime);
        var days = 0;
        for (var day = start; day < end; day = day.AddDays(1))
        {
            var next = day.AddDays(1);
            if (next.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days++;
            }
        }
        return days;
    }

    /// <summary>The middle value (the mean of the two middle ones for an even count), or null with none.</summary>
    public static double? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    /// <summary>A ratio rounded to two decimals, or null when there is nothing to divide by.</summary>
    public static double? Ratio(double part, double whole) => whole == 0 ? null : Math.Round(part / whole, 2);
}
