namespace Vouch.Features.Requests;

/// <summary>
/// Offers alternatives to a one-to-one activity when fewer than <see cref="RequestQueries.GoodCandidates"/> good
/// advocates fit a request: approved, unexpired content (a case study, a video) or an upcoming event that fits its
/// criteria. The content library registers its own source in place of <see cref="NoAlternatives"/>.
/// </summary>
public interface IAlternativesSource
{
    Task<IReadOnlyList<AlternativeResponse>> FindAsync(ReferenceRequest request, CancellationToken ct);
}

/// <summary>Until a content library or events calendar is there, there is nothing else to offer.</summary>
public sealed class NoAlternatives : IAlternativesSource
{
    public Task<IReadOnlyList<AlternativeResponse>> FindAsync(ReferenceRequest request, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<AlternativeResponse>>([]);
}
