using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Meaning;
using Vouch.Features.Requests;

namespace Vouch.Features.Content;

/// <summary>
/// When few advocates fit a request, the approved content that does: usable today (approved, not past its
/// approved-until day, under its use limit) and about the request's industry or one of its products, or near its use
/// case in meaning; the closest fit first. Each counts one point: the industry, each product, and what the content
/// says, by how near its meaning is to the use case (<see cref="MeaningBlend.StoryCredit"/>, as an advocate's story
/// counts in matching) times <see cref="MeaningPoints"/>. A request that names none is offered the most used content.
/// </summary>
public sealed class ContentAlternatives(VouchDbContext db, UseCaseMeaning meaning, TimeProvider clock) : IAlternativesSource
{
    public const int MaxOffered = 5;

    /// <summary>What content that says what the use case asks counts, against a point for the industry and each product.</summary>
    public const double MeaningPoints = 2;

    /// <summary>How many pieces of content nearest to the use case in meaning are considered.</summary>
    private const int NearestConsidered = 50;

    /// <summary>How many fitting by industry or product are read to be ranked with them.</summary>
    private const int FitsConsidered = 50;

    public async Task<IReadOnlyList<AlternativeResponse>> FindAsync(ReferenceRequest request, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var productIds = request.Products.Select(p => p.Id).ToList();
        var industryId = request.IndustryId;
        var usable = db.ContentAssets.AsNoTracking()
            .Where(c => c.State == ApprovalState.Approved && (c.ApprovedUntil == null || c.ApprovedUntil >= today)
                && (c.UseLimit == null || c.UseCount < c.UseLimit));
        var near = meaning.Nearest(EmbeddedKind.Content, request.UseCase, NearestConsidered, ct)?
            .Where(n => n.Value > MeaningBlend.StoryCreditFrom).ToDictionary() ?? [];
        var nearIds = near.Keys.ToList();
        if (industryId is not null || productIds.Count > 0 || nearIds.Count > 0)
        {
            usable = usable.Where(c => c.Industries.Any(i => i.Id == industryId) || c.Account!.IndustryId == industryId
                || c.Products.Any(p => productIds.Contains(p.Id)) || nearIds.Contains(c.Id));
        }
        var candidates = await usable
            .Select(c => new
            {
                c.Id,
                c.Title,
                c.Kind,
                c.UseCount,
                Industry = c.Industries.Any(i => i.Id == industryId) || c.Account!.IndustryId == industryId,
                Products = c.Products.Count(p => productIds.Contains(p.Id)),
            })
            .OrderByDescending(c => nearIds.Contains(c.Id)).ThenByDescending(c => (c.Industry ? 1 : 0) + c.Products).ThenByDescending(c => c.UseCount)
            .Take(NearestConsidered + FitsConsidered)
            .ToListAsync(ct);
        var fits = candidates
            .OrderByDescending(c => (c.Industry ? 1 : 0) + c.Products + MeaningPoints * MeaningBlend.StoryCredit(near.GetValueOrDefault(c.Id)))
            .ThenByDescending(c => c.UseCount).ThenBy(c => c.Title, StringComparer.Ordinal)
            .Take(MaxOffered);
        return [.. fits.Select(c => new AlternativeResponse(ContentRules.Describe(c.Kind), c.Id, c.Title, $"/content/{c.Id}"))];
    }
}
