using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.Requests;

namespace Vouch.Features.Events;

/// <summary>
/// When few advocates fit a request, the upcoming events (within <see cref="EventOptions.AlternativeWithinDays"/>, with
/// a seat left) where the prospect could hear customers instead: those whose title or topic shares a word with the
/// request's use case, or whose speakers or host come from the request's industry or use its products, the closest fit
/// and then the soonest first. A request that names none of these is offered the soonest events.
/// </summary>
public sealed class UpcomingEventAlternatives(VouchDbContext db, IOptions<EventOptions> options, TimeProvider clock) : IAlternativesSource
{
    public const int MaxOffered = 3;

    /// <summary>Words too common in a use case to say that an event is about it.</summary>
    private static readonly HashSet<string> s_common = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "across", "after", "their", "there", "these", "those", "which", "while", "with", "without", "within", "where", "would", "using",
    };

    public async Task<IReadOnlyList<AlternativeResponse>> FindAsync(ReferenceRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now.AddDays(options.Value.AlternativeWithinDays);
        var productIds = request.Products.Select(p => p.Id).ToList();
        var industryId = request.IndustryId;
        // Few events lie ahead within the horizon, so they are read with their speakers' and host's fit and judged here.
        var upcoming = await db.Set<Event>().AsNoTracking()
            .Where(e => e.StartsAt >= now && e.StartsAt <= until && db.Set<EventAttendee>().Count(a => a.EventId == e.Id) < e.Capacity)
            .Select(e => new
            {
                e.Id, e.Kind, e.Title, e.Topic, e.StartsAt,
                SpeakerIndustry = industryId != null && db.Set<EventSpeaker>().Any(s => s.EventId == e.Id && s.Contact!.Account!.IndustryId == industryId),
                SpeakerProducts = db.Set<EventSpeaker>().Any(s => s.EventId == e.Id && s.Contact!.Account!.Products.Any(p => productIds.Contains(p.Id))),
                HostIndustry = industryId != null && e.HostAccount != null && e.HostAccount.IndustryId == industryId,
                HostProducts = e.HostAccount != null && e.HostAccount.Products.Any(p => productIds.Contains(p.Id)),
            })
            .OrderBy(e => e.StartsAt)
            .Take(500)
            .ToListAsync(ct);
        var words = Words(request.UseCase);
        var criteria = industryId is not null || productIds.Count > 0 || words.Count > 0;
        return [.. upcoming
            .Select(e =>
            {
                var reasons = new List<string>();
                if (words.Overlaps(Words($"{e.Title} {e.Topic}")))
                {
                    reasons.Add("on the request's use case");
                }
                if (e.SpeakerIndustry || e.HostIndustry)
                {
                    reasons.Add(e.SpeakerIndustry ? "speakers from the same industry" : "hosted by a customer in the same industry");
                }
                if (e.SpeakerProducts || e.HostProducts)
                {
                    reasons.Add(e.SpeakerProducts ? "speakers who use the same products" : "hosted by a customer who uses the same products");
                }
                return (Event: e, Reasons: reasons);
            })
            .Where(x => !criteria || x.Reasons.Count > 0)
            .OrderByDescending(x => x.Reasons.Count).ThenBy(x => x.Event.StartsAt)
            .Take(MaxOffered)
            .Select(x => new AlternativeResponse(
                $"Upcoming {Event.Words(x.Event.Kind).ToLowerInvariant()} on {x.Event.StartsAt.UtcDateTime.ToString("d MMMM", CultureInfo.InvariantCulture)}",
                x.Event.Id,
                x.Reasons.Count == 0 ? x.Event.Title : $"{x.Event.Title} ({string.Join("; ", x.Reasons)})",
                $"/events/{x.Event.Id}"))];
    }

    /// <summary>The words of five letters or more, which say what a text is about.</summary>
    public static HashSet<string> Words(string? text) =>
        text is null ? new(StringComparer.OrdinalIgnoreCase)
        : new(text.Split((char[])[.. text.Where(c => !char.IsLetterOrDigit(c)).Distinct()], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 5 && !s_common.Contains(w)), StringComparer.OrdinalIgnoreCase);
}
