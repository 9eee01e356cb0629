using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Requests;
using Vouch.Web;

namespace Vouch.Features.SupplyDemand;

/// <summary>The period of a supply and demand report: <c>[from, to)</c>, a year up to today when not given.</summary>
public sealed record ReportPeriod
{
    public const int MaxDays = 3 * 366;

    /// <summary>First day of the period (yyyy-MM-dd).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Day after the last day of the period (yyyy-MM-dd).</summary>
    public DateOnly? To { get; init; }

    public (DateOnly From, DateOnly To) Resolve(DateOnly today)
    {
        var to = To ?? today.AddDays(1);
        return (From ?? to.AddYears(-1), to);
    }

    public void Validate(DateOnly today, ValidationErrors errors)
    {
        var (from, to) = Resolve(today);
        if (from >= to)
        {
            errors.Add("from", "from must be before to.");
        }
        else if (to.DayNumber - from.DayNumber > MaxDays)
        {
            errors.Add("to", $"The period can be at most {MaxDays} days.");
        }
    }
}

public static class SupplyDemandEndpoints
{
    /// <summary>Advocates with no quarterly limit of their own count at this many asks a quarter.</summary>
    public const int DefaultAsksPerQuarter = 2;

    public static RouteGroupBuilder MapSupplyDemand(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/supply-demand", Get)
            .WithTags("Reports")
            .WithName("GetSupplyDemand")
            .WithSummary("Requests against available capacity per industry, product, region and activity; gaps, advocates nearest burnout and the forecast from the open pipeline.")
            .RequireAuthorization(Policies.ReadReports);
        return api;
    }

    private static async Task<Results<Ok<SupplyDemandReport>, ValidationProblem>> Get(
        [AsParameters] ReportPeriod period, VouchDbContext db, AdvocateSnapshot advocates, MarketSnapshot market, TimeProvider clock,
        CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new ValidationErrors();
        period.Validate(today, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        var (from, to) = period.Resolve(today);
        return TypedResults.Ok(await db.ReportAsync(advocates, market, from, to, today, DefaultAsksPerQuarter, ct));
    }
}
