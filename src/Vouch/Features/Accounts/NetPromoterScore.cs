using Vouch.Features.Contacts;

namespace Vouch.Features.Accounts;

/// <summary>
/// An account's Net Promoter Score: the share of promoters minus the share of detractors, in whole points from -100
/// to 100, over each contact's latest answer (an old answer of someone who has answered again no longer counts).
/// </summary>
public sealed record NetPromoterScore(int? Score, int Respondents, int Promoters, int Passives, int Detractors)
{
    public static NetPromoterScore Of(IEnumerable<(Guid ContactId, DateOnly AnsweredOn, Guid AnswerId, int Score)> answers)
    {
        var latest = answers
            .GroupBy(a => a.ContactId)
            .Select(contact => contact.OrderByDescending(a => a.AnsweredOn).ThenByDescending(a => a.AnswerId).First().Score)
            .ToList();
        var promoters = latest.Count(NpsAnswer.IsPromoter);
        var detractors = latest.Count(NpsAnswer.IsDetractor);
        int? score = latest.Count == 0
            ? null
            : (int)Math.Round(100m * (promoters - detractors) / latest.Count, MidpointRounding.AwayFromZero);
        return new(score, latest.Count, promoters, latest.Count - promoters - detractors, detractors);
    }
}
