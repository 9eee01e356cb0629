using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Opportunities;

/// <summary>A deal in a list.</summary>
public sealed record OpportunitySummary(
    Guid Id, string Name, Guid AccountId, string Account, decimal Amount, string Stage, DateOnly CloseDate, bool IsClosed, bool IsWon, string? Owner);

/// <summary>The filters of <c>GET /api/v1/opportunities</c>.</summary>
public sealed record OpportunityFilter
{
    /// <summary>The account the deals are with.</summary>
    public Guid? AccountId { get; init; }

    /// <summary>true: open deals only; false: closed deals only.</summary>
    public bool? Open { get; init; }

    /// <summary>true: deals closed won; false: deals closed lost.</summary>
    public bool? Won { get; init; }
}

/// <summary>The deal list shared by the API and the opportunities page, of the deals the user sees.</summary>
public static class OpportunityQueries
{
    public static readonly Expression<Func<Opportunity, OpportunityResponse>> Response = o => new OpportunityResponse(
        o.Id, o.Name, o.AccountId, o.Account!.Name, o.Amount, o.Stage, o.CloseDate, o.OpenedOn, o.IsClosed, o.IsWon, o.Competitor,
        o.Products.OrderBy(p => p.Name).Select(p => p.Name).ToList(), o.OwnerId, o.Owner == null ? null : o.Owner.DisplayName, o.Version);

    /// <summary>Open deals first, each part by close date.</summary>
    public static async Task<Paged<OpportunitySummary>> SearchOpportunitiesAsync(
        this VouchDbContext db, OpportunityAccess access, PageQuery page, OpportunityFilter filter, CancellationToken ct)
    {
        var deals = access.Visible(db.Opportunities.AsNoTracking());
        if (!string.IsNullOrWhiteSpace(page.Q))
        {
            var text = page.Q.Trim().ToLowerInvariant();
            deals = deals.Where(o => o.Name.ToLower().Contains(text) || o.Account!.Name.ToLower().Contains(text));
        }
        if (filter.AccountId is { } accountId)
        {
            deals = deals.Where(o => o.AccountId == accountId);
        }
        if (filter.Open is { } open)
        {
            deals = deals.Where(o => o.IsClosed != open);
        }
        if (filter.Won is { } won)
        {
            deals = deals.Where(o => o.IsClosed && o.IsWon == won);
        }
        var total = await deals.CountAsync(ct);
        var items = await deals
            .OrderBy(o => o.IsClosed).ThenBy(o => o.CloseDate).ThenBy(o => o.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(o => new OpportunitySummary(o.Id, o.Name, o.AccountId, o.Account!.Name, o.Amount, o.Stage, o.CloseDate, o.IsClosed, o.IsWon,
                o.Owner == null ? null : o.Owner.DisplayName))
            .ToListAsync(ct);
        return new Paged<OpportunitySummary>(items, total, page.PageNumber, page.Size);
    }

    /// <summary>Open deals that are also won cannot be; say so rather than answer an empty list.</summary>
    public static void Validate(this OpportunityFilter filter, ValidationErrors errors)
    {
        if (filter is { Open: true, Won: not null })
        {
            errors.Add("won", "won applies to closed deals: leave open out or set it to false.");
        }
    }
}
