namespace Vouch.Features.Launches;

/// <summary>What makes a contact an early adopter of a launch: the facts the ranking weighs.</summary>
public sealed record AdopterFacts(
    Guid ContactId, string Name, string Account, bool IsLeadUser, int BetaFeedbacks, bool UsesProduct, bool InTargetSegment, bool Referenceable);

public sealed record RankedAdopter(Guid ContactId, string Name, string Account, int Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Early-adopter candidates for a launch, ranked with the reason for every point. A lead user (ahead of the market,
/// shaping what they need) weighs most, then beta feedback they gave (each of the last three adds), then using the
/// product already; being in a target segment and having consented to be a reference break ties among those. A contact
/// with none of the first three is no early adopter and is left out.
/// </summary>
public static class EarlyAdopters
{
    public const int LeadUserPoints = 40;
    public const int BetaFeedbackPoints = 10;
    public const int MaxBetaFeedbacksCounted = 3;
    public const int UsesProductPoints = 20;
    public const int TargetSegmentPoints = 10;
    public const int ReferenceablePoints = 5;

    public static IReadOnlyList<RankedAdopter> Rank(IEnumerable<AdopterFacts> contacts, int top) =>
        [.. contacts
            .Where(c => c.IsLeadUser || c.BetaFeedbacks > 0 || c.UsesProduct)
            .Select(Score)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.ContactId)
            .Take(top)];

    public static RankedAdopter Score(AdopterFacts c)
    {
        var (score, reasons) = (0, new List<string>());
        void Add(bool holds, int points, string reason)
        {
            if (holds)
            {
                score += points;
                reasons.Add($"{reason} (+{points})");
            }
        }
        var betas = Math.Min(c.BetaFeedbacks, MaxBetaFeedbacksCounted);
        Add(c.IsLeadUser, LeadUserPoints, "Lead user");
        Add(betas > 0, betas * BetaFeedbackPoints, c.BetaFeedbacks == 1 ? "Gave beta feedback once" : $"Gave beta feedback {c.BetaFeedbacks} times");
        Add(c.UsesProduct, UsesProductPoints, "Already uses the product");
        Add(c.InTargetSegment, TargetSegmentPoints, "In a target segment");
        Add(c.Referenceable, ReferenceablePoints, "Consented to be a reference");
        return new RankedAdopter(c.ContactId, c.Name, c.Account, score, reasons);
    }
}
