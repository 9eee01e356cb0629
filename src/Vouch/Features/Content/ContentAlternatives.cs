using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Requests;

namespace Vouch.Features.Content;

/// <summary>
/// When few advocates fit a request, the approved content that does: usable today (approved, not past its
/// approved-until day, under its use limit) and about the request's industry or one of its products, the closest fit
/// first. A request that names neither is offered the most used content.
/// </summary>
public sealed class ContentAlternatives(VouchDbContext db, TimeProvider clock) : IAlternativesSource
{
    public const int MaxOffered = 5;

    public async Task<IReadOnlyList<AlternativeResponse>> FindAsync(ReferenceRequest request, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var productIds = request.Products.Select(p => p.Id).ToList();
        var industryId = request.IndustryId;
        var usable = db.ContentAssets.AsNoTracking()
            .Where(c => c.State == ApprovalState.Approved && (c.ApprovedUntil == null || c.ApprovedUntil >= today)
                && (c.UseLimit == null || c.UseCount < c.UseLimit));
        if (industryId is not null || productIds.Count > 0)
        {
            usable = usable.Where(c => c.Industries.Any(i => i.Id == industryId) || c.Account!.IndustryId == industryId
                || c.Products.Any(p => productIds.Contains(p.Id)));
        }
        var fits = await usable
            .Select(c => new
            {
                c.Id,
                c.Title,
                c.Kind,
                c.UseCount,
                Industry = c.Industries.Any(i => i.Id == industryId) || c.Account!.IndustryId == industryId,
                Products = c.Products.Count(p => productIds.Contains(p.Id)),
            })
            .OrderByDescending(c => (c.Industry ? 1 : 0) + c.Products).ThenByDescending(c => c.UseCount).ThenBy(c => c.Title)
            .Take(MaxOffered)
            .ToListAsync(ct);
        return [.. fits.Select(c => new AlternativeResponse(ContentRules.Describe(c.Kind), c.Id, c.Title, $"/content/{c.Id}"))];
    }
}
