using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Opportunities;

namespace Vouch.Features.Requests;

/// <summary>The influence figures of one group of closed deals: with references, or without.</summary>
public sealed record InfluenceTally(bool WithReferences, int Deals, int Won, decimal WonRevenue);

/// <summary>The closed deals with references and those without, each counted and their won revenue summed.</summary>
public sealed record InfluenceTallies(InfluenceTally With, InfluenceTally Without);

/// <summary>What the influence report's kept tallies are of: every closed deal, so there is one key.</summary>
public readonly record struct EveryClosedDeal;

/// <summary>
/// The rule of <see cref="RevenueAttribution"/> said in the database, so the influence report and the program dashboard
/// add deals up where they are instead of loading every deal and reference: a deal counts as "with references" when one
/// of its references has feedback that says it happened and did not fail to help; the won revenue of those deals is the
/// influenced revenue, which the references' shares always add up to.
/// </summary>
public static class ReportQueries
{
    /// <summary>The references that count for their deal, as <see cref="RevenueAttribution.Helped"/> decides.</summary>
    public static readonly Expression<Func<ReferenceRequest, bool>> Helps = r =>
        r.Status == RequestStatus.FeedbackRecorded && r.OpportunityId != null && r.Happened == true && r.Helped != false;

    /// <summary>The references of <paramref name="requests"/> that helped their deal, each with who gave it and how it went.</summary>
    public static IQueryable<HelpingReferenceRow> HelpingReferences(IQueryable<ReferenceRequest> requests) =>
        requests.Where(Helps).Select(r => new HelpingReferenceRow
        {
            Id = r.Id,
            OpportunityId = r.OpportunityId!.Value,
            Contact = r.Contact == null ? null : r.Contact.FirstName + " " + r.Contact.LastName,
            Account = r.Contact == null ? null : r.Contact.Account!.Name,
            Activity = r.ActivityType!.Name,
            Rating = r.Rating,
            Helped = r.Helped,
        });

    /// <summary>Closed deals, each with whether a reference helped it.</summary>
    public static IQueryable<ClosedDealRow> ClosedDeals(VouchDbContext db)
    {
        var helping = db.ReferenceRequests.Where(Helps);
        return db.Opportunities.Where(o => o.IsClosed).Select(o => new ClosedDealRow
        {
            Id = o.Id,
            CloseDate = o.CloseDate,
            IsWon = o.IsWon,
            Amount = o.Amount,
            OpenedOn = o.OpenedOn,
            WithReferences = helping.Any(r => r.OpportunityId == o.Id),
        });
    }

    /// <summary>
    /// The deals with and without references, counted and their won revenue summed in one grouped query. Amounts are
    /// summed as doubles, because SQLite cannot sum decimals, and rounded back to cents.
    /// </summary>
    public static async Task<InfluenceTallies> TallyAsync(IQueryable<ClosedDealRow> deals, CancellationToken ct)
    {
        var groups = await deals.GroupBy(d => d.WithReferences)
            .Select(g => new { With = g.Key, Deals = g.Count(), Won = g.Count(d => d.IsWon), Revenue = g.Sum(d => d.IsWon ? (double)d.Amount : 0.0) })
            .ToListAsync(ct);
        InfluenceTally Of(bool with) => groups.Where(g => g.With == with)
            .Select(g => new InfluenceTally(with, g.Deals, g.Won, Money(g.Revenue))).SingleOrDefault() ?? new InfluenceTally(with, 0, 0, 0);
        return new InfluenceTallies(Of(true), Of(false));
    }

    public static double? WinRate(InfluenceTally tally) => tally.Deals == 0 ? null : tally.Won / (double)tally.Deals;

    public static decimal Money(double amount) => Math.Round((decimal)amount, 2);
}

/// <summary>A closed deal as the influence figures read it.</summary>
/// <summary>A reference that helped its deal, as <see cref="ReportQueries.HelpingReferences"/> reads it; no contact when it was removed.</summary>
public sealed class HelpingReferenceRow
{
    public Guid Id { get; init; }
    public Guid OpportunityId { get; init; }
    public string? Contact { get; init; }
    public string? Account { get; init; }
    public required string Activity { get; init; }
    public int? Rating { get; init; }
    public bool? Helped { get; init; }
}

public sealed class ClosedDealRow
{
    public Guid Id { get; init; }
    public DateOnly CloseDate { get; init; }
    public bool IsWon { get; init; }
    public decimal Amount { get; init; }
    public DateOnly? OpenedOn { get; init; }
    public bool WithReferences { get; init; }
}

/// <summary>
/// Indexes the influence figures read by: closed deals only (a partial index, as open ones are never counted), by close
/// date and id, carrying what is counted, so the most recently closed are read in order without sorting and a count
/// never reads the table; a deal's references with their feedback, so whether one helped is answered from the index.
/// </summary>
internal sealed class InfluenceIndexes : IEntityTypeConfiguration<Opportunity>, IEntityTypeConfiguration<ReferenceRequest>
{
    // The filter reads the same in both providers' SQL, and matches the "IsClosed" term of the queries' WHERE.
    public void Configure(EntityTypeBuilder<Opportunity> builder) =>
        builder.HasIndex(o => new { o.CloseDate, o.Id, o.IsWon, o.Amount, o.IsClosed }).HasFilter("\"IsClosed\"").HasDatabaseName("IX_Opportunities_Closed");

    public void Configure(EntityTypeBuilder<ReferenceRequest> builder) =>
        builder.HasIndex(r => new { r.OpportunityId, r.Status, r.Happened, r.Helped }).HasDatabaseName("IX_ReferenceRequests_Feedback");
}
