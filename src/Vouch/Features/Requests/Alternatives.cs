namespace Vouch.Features.Requests;

/// <summary>
/// Offers alternatives to a one-to-one activity when fewer than <see cref="RequestQueries.GoodCandidates"/> good
/// advocates fit a request: approved, unexpired content (a case study, a video) or an upcoming event that fits its
/// criteria. Each capability with something to offer registers a source; the request shows what all of them found.
/// </summary>
public interface IAlternativesSource
{
    Task<IReadOnlyList<AlternativeResponse>> FindAsync(ReferenceRequest request, CancellationToken ct);
}
