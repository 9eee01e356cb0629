using Vouch.Commands;
using Vouch.Features.Programs;

namespace Vouch.Tests.Unit.Programs;

public sealed class ProgramMeasuresTests
{
    private static readonly string[] s_months = ["2026-08", "2026-09", "2026-10", "2026-11"];

    private static KpiStatus Judge(decimal target, bool higherIsBetter, params double?[] values)
    {
        var measure = ProgramMeasures.Find("acceptance-rate")!;
        return ProgramMeasures.Judge(new KpiDefinition(measure.Key, "Acceptance", target, higherIsBetter), measure, s_months, values);
    }

    [Fact]
    public void A_kpi_where_higher_is_better_is_on_track_when_its_latest_month_reaches_the_target()
    {
        var met = Judge(0.6m, true, 0.5, 0.55, 0.6, null);
        var missed = Judge(0.6m, true, 0.7, 0.65, 0.59, null);

        Assert.Equal(("2026-10", 0.6, true), (met.LatestMonth, met.Latest, met.OnTrack));
        Assert.Equal(new bool?[] { false, false, true, null }, met.Months.Select(m => m.Met));
        Assert.Equal(("up", true), (met.Trend, met.Improving));
        Assert.Equal((false, "down", false), (missed.OnTrack, missed.Trend, missed.Improving));
    }

    [Fact]
    public void A_kpi_where_lower_is_better_is_on_track_at_or_under_its_target()
    {
        var onTrack = Judge(5m, false, 8, 6, 5, 4);
        var offTrack = Judge(5m, false, 4, 4, 5, 6);

        Assert.Equal((true, "down", true), (onTrack.OnTrack, onTrack.Trend, onTrack.Improving));
        Assert.Equal((false, "up", false), (offTrack.OnTrack, offTrack.Trend, offTrack.Improving));
    }

    [Fact]
    public void A_kpi_with_no_value_is_neither_on_nor_off_track_and_says_why()
    {
        var status = Judge(0.6m, true, null, null, null, null);

        Assert.Null(status.OnTrack);
        Assert.Null(status.Latest);
        Assert.Null(status.Trend);
        Assert.Equal("No month of the period has a value for this measure yet.", status.Reason);
    }

    [Fact]
    public void One_value_has_no_trend_and_an_unchanged_one_is_flat()
    {
        Assert.Equal((null, null), (Judge(1m, true, null, null, 3, null).Trend, Judge(1m, true, null, null, 3, null).Improving));
        Assert.Equal(("flat", (bool?)null), (Judge(1m, true, 2, 3, 3, null).Trend, Judge(1m, true, 2, 3, 3, null).Improving));
    }

    [Theory]
    [InlineData("2025-01-02", "2025-01-02", 0)]
    [InlineData("2025-01-02", "2025-01-06", 2)] // Thursday to Monday: Friday and Monday.
    [InlineData("2025-01-03", "2025-01-04", 0)] // Friday to Saturday.
    [InlineData("2025-01-06", "2025-01-13", 5)]
    public void Business_days_count_the_weekdays_after_the_first_day(string from, string to, int days)
    {
        Assert.Equal(days, ProgramMeasures.BusinessDaysBetween(DateTimeOffset.Parse(from + "T09:00:00Z"), DateTimeOffset.Parse(to + "T17:00:00Z")));
    }

    [Fact]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones()
    {
        Assert.Equal(3, ProgramMeasures.Median([5, 1, 3]));
        Assert.Equal(2.5, ProgramMeasures.Median([4, 1, 3, 2]));
        Assert.Null(ProgramMeasures.Median([]));
    }

    [Fact]
    public void Measures_are_found_by_key_in_any_case_and_unknown_ones_are_not()
    {
        Assert.Equal("influenced-revenue", ProgramMeasures.Find(" Influenced-Revenue ")!.Key);
        Assert.Null(ProgramMeasures.Find("revenue-of-dreams"));
        Assert.False(ProgramMeasures.Find("days-to-fulfil")!.HigherIsBetter);
    }

    [Fact]
    public void A_period_is_the_last_twelve_months_by_default_and_refuses_what_is_not_one()
    {
        var today = new DateOnly(2026, 11, 20);
        var errors = new ValidationErrors();

        var range = new ProgramPeriod().Resolve(today, errors)!;

        Assert.Equal((new DateOnly(2025, 12, 1), 12, "2026-11"), (range.First, range.Count, range.Labels[^1]));
        Assert.Equal((0, 11, -1), (range.IndexOf(new DateOnly(2025, 12, 31)), range.IndexOf(new DateOnly(2026, 11, 30)), range.IndexOf(new DateOnly(2026, 12, 1))));

        var bad = new ValidationErrors();
        Assert.Null(new ProgramPeriod { From = "last year" }.Resolve(today, bad));
        Assert.Equal(["from"], bad.ToDictionary().Keys);
        var reversed = new ValidationErrors();
        Assert.Null(new ProgramPeriod { From = "2026-05", To = "2026-04" }.Resolve(today, reversed));
        Assert.Equal("from must be the same month as to or before it.", reversed.ToDictionary()["from"].Single());
        var tooLong = new ValidationErrors();
        Assert.Null(new ProgramPeriod { From = "2020-01", To = "2026-04" }.Resolve(today, tooLong));
        Assert.Equal(["to"], tooLong.ToDictionary().Keys);
    }
}
