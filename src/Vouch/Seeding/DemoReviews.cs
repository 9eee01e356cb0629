using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Defences;
using Vouch.Features.Engagements;
using Vouch.Features.Reviews;

namespace Vouch.Seeding;

/// <summary>
/// The demo's review campaigns and defences: a running G2 campaign with a disclosed incentive and an invitee in every
/// state, last year's TrustRadius campaign and this year's refresh of it, and a misleading comparison on a forum
/// answered by two customers, who are marked defenders. Every invitation and answer is an ask in the ledger.
/// </summary>
public static class DemoReviews
{
    public static async Task SeedAsync(VouchDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var review = await db.ActivityTypes.SingleAsync(t => t.Key == ReviewQueries.ActivityKey, ct);
        var defence = await db.ActivityTypes.SingleAsync(t => t.Key == DefenceLog.ActivityKey, ct);
        // Customers only (the demo users' own domain is the company's), those who agreed to be references first; the
        // others agree here to review-site reviews, with the consent on record.
        var advocates = await db.Contacts.Include(c => c.AgreedActivities)
            .Where(c => c.Email != null && !c.Email.EndsWith("@vouch.demo"))
            .OrderByDescending(c => c.Consent != ConsentLevel.None).ThenBy(c => c.LastName).ThenBy(c => c.Id).Take(14).ToListAsync(ct);
        if (advocates.Count < 14)
        {
            return;
        }
        foreach (var advocate in advocates.Where(a => a.Consent == ConsentLevel.None || !a.AgreedActivities.Contains(review)))
        {
            if (advocate.Consent == ConsentLevel.None)
            {
                (advocate.Consent, advocate.ConsentGivenOn) = (ConsentLevel.Written, today.AddDays(-60));
            }
            advocate.AgreedActivities.Add(review);
            db.Add(new ConsentRecord
            {
                ContactId = advocate.Id, RecordedAt = now.AddDays(-60), Consent = advocate.Consent, GivenOn = advocate.ConsentGivenOn,
                ExpiresOn = advocate.ConsentExpiresOn, Scope = advocate.ConsentScope,
                ActivityTypes = string.Join(',', advocate.AgreedActivities.Select(a => a.Key)), Change = "Agreed to review-site reviews",
            });
        }

        Engagement Ask(Contact contact, Guid activityId, string title, EngagementStatus status, DateTimeOffset at)
        {
            var entry = new Engagement
            {
                ContactId = contact.Id, AccountId = contact.AccountId, Kind = EngagementKind.Ask, ActivityTypeId = activityId, Title = title,
                Status = status, At = at,
            };
            db.Engagements.Add(entry);
            return entry;
        }
        void Invite(ReviewCampaign campaign, Contact contact, InvitationState state, int invitedDaysAgo, int? reviewedDaysAgo = null)
        {
            var invitedAt = now.AddDays(-invitedDaysAgo);
            var reviewedAt = reviewedDaysAgo is { } days ? now.AddDays(-days) : (DateTimeOffset?)null;
            var ask = Ask(contact, review.Id, $"Review on {campaign.SiteLabel}: {campaign.Name}",
                state switch
                {
                    InvitationState.Verified => EngagementStatus.Completed,
                    InvitationState.Withdrawn => EngagementStatus.Released,
                    _ => EngagementStatus.Scheduled,
                },
                state == InvitationState.Verified ? reviewedAt!.Value : invitedAt);
            db.Add(new ReviewInvitation
            {
                CampaignId = campaign.Id, ContactId = contact.Id, State = state, InvitedAt = invitedAt,
                RemindedAt = state == InvitationState.Reminded ? invitedAt.AddDays(7) : null,
                ReviewedAt = reviewedAt,
                ReviewUrl = reviewedAt is null ? null
                    : $"https://www.{(campaign.Site == ReviewSite.G2 ? "g2.com/products/vouch" : "trustradius.com/products/vouch")}/reviews/{contact.LastName.ToLowerInvariant()}-{invitedDaysAgo}",
                VerifiedAt = state == InvitationState.Verified ? reviewedAt!.Value.AddDays(1) : null,
                VerifiedBy = state == InvitationState.Verified ? "manager@vouch.demo" : null,
                EngagementId = ask.Id,
            });
        }

        var g2 = new ReviewCampaign
        {
            Name = "G2 winter reviews", Site = ReviewSite.G2, StartsOn = today.AddDays(-20), EndsOn = today.AddDays(40), TargetCount = 12,
            Kind = CampaignKind.New, Incentive = "USD 25 gift card",
            IncentiveDisclosure = "Reviewers are offered a USD 25 gift card for an honest review, whatever they write; G2 shows this on each review.",
            CreatedAt = now.AddDays(-21),
        };
        var trustRadiusLastYear = new ReviewCampaign
        {
            Name = "TrustRadius reviews last year", Site = ReviewSite.TrustRadius, StartsOn = today.AddMonths(-17), EndsOn = today.AddMonths(-15),
            TargetCount = 5, Kind = CampaignKind.New, CreatedAt = now.AddMonths(-17),
        };
        var trustRadiusRefresh = new ReviewCampaign
        {
            Name = "TrustRadius refresh", Site = ReviewSite.TrustRadius, StartsOn = today.AddDays(-5), EndsOn = today.AddDays(55), TargetCount = 4,
            Kind = CampaignKind.Refresh, RefreshAfterMonths = 12, CreatedAt = now.AddDays(-6),
        };
        db.AddRange(g2, trustRadiusLastYear, trustRadiusRefresh);

        Invite(g2, advocates[0], InvitationState.Invited, 2);
        Invite(g2, advocates[1], InvitationState.Reminded, 15);
        Invite(g2, advocates[2], InvitationState.Reviewed, 18, reviewedDaysAgo: 3);
        Invite(g2, advocates[3], InvitationState.Verified, 19, reviewedDaysAgo: 12);
        Invite(g2, advocates[4], InvitationState.Verified, 19, reviewedDaysAgo: 9);
        Invite(g2, advocates[5], InvitationState.Withdrawn, 17);
        // Last year's reviewers are due for a refresh; one of them is invited already.
        var days = (int)(now - now.AddMonths(-16)).TotalDays;
        foreach (var reviewer in advocates[6..9])
        {
            Invite(trustRadiusLastYear, reviewer, InvitationState.Verified, days, reviewedDaysAgo: days - 10);
        }
        Invite(trustRadiusRefresh, advocates[6], InvitationState.Invited, 4);

        // A misleading comparison on a forum, answered by two customers unasked.
        var forum = new Defence
        {
            Where = "Sysadmin forum", Url = "https://forum.example.org/t/reference-tools-compared/4711", OccurredOn = today.AddDays(-6),
            Topic = "A misleading comparison with RefBase", Severity = Severity.High,
            Summary = "A post compares reference tools and claims Vouch has no single sign-on and loses data when two people edit a contact.",
            LoggedBy = "manager@vouch.demo", LoggedAt = now.AddDays(-6),
        };
        db.Add(forum);
        foreach (var (defender, daysAgo, reply) in new[] { (advocates[10], 5, 12), (advocates[11], 4, 19) })
        {
            defender.IsDefender = true;
            var ask = Ask(defender, defence.Id, $"Defended us on {forum.Where}: {forum.Topic}", EngagementStatus.Completed,
                new DateTimeOffset(today.AddDays(-daysAgo).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            db.Add(new DefenceResponse
            {
                DefenceId = forum.Id, ContactId = defender.Id, AnsweredOn = today.AddDays(-daysAgo),
                AnswerUrl = $"{forum.Url}/{reply}", EngagementId = ask.Id, RecordedAt = now.AddDays(-daysAgo),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
