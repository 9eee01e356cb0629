using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Referrals;
using Vouch.Features.Requests;

namespace Vouch.Seeding;

/// <summary>
/// The demo advocate's portal, worth opening at once: an ask waiting for their answer (approved by the account owner),
/// a change they made to their preferences, and peers they referred.
/// </summary>
public static class DemoPortal
{
    public static async Task SeedAsync(VouchDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var alex = await db.Contacts.Include(c => c.Account).SingleAsync(c => c.Email == "advocate@vouch.demo", ct);
        var manager = await db.Users.SingleAsync(u => u.Email == "manager@vouch.demo", ct);
        var advocate = await db.Users.SingleAsync(u => u.Email == "advocate@vouch.demo", ct);
        var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", ct);
        var owner = alex.Account!.OwnerId is { } ownerId ? await db.Users.SingleAsync(u => u.Id == ownerId, ct) : manager;

        var ask = new Engagement
        {
            ContactId = alex.Id, AccountId = alex.AccountId, Kind = EngagementKind.Ask, ActivityTypeId = call.Id, Status = EngagementStatus.Reserved,
            At = now.AddHours(-20),
        };
        var request = new ReferenceRequest
        {
            RequesterId = manager.Id,
            ActivityTypeId = call.Id,
            NeededBy = today.AddDays(14),
            IndustryId = alex.Account.IndustryId,
            Region = alex.Account.Region,
            UseCase = "How a team of your size rolled out in one quarter",
            ContactId = alex.Id,
            EngagementId = ask.Id,
            AccountOwnerId = owner.Id,
            AdvocateAskedAt = now.AddHours(-2),
            Status = RequestStatus.OwnerApproved,
            CreatedAt = now.AddHours(-22),
            StepDueAt = BusinessDays.Add(now.AddHours(-2), 3),
        };
        ask.RequestId = request.Id;
        db.AddRange(ask, request);
        db.RequestTransitions.AddRange(
            new RequestTransition { RequestId = request.Id, To = RequestStatus.Submitted, At = request.CreatedAt, ByUserId = manager.Id, ByName = manager.Email! },
            new RequestTransition
            {
                RequestId = request.Id, From = RequestStatus.Submitted, To = RequestStatus.CandidateProposed, At = ask.At, ByUserId = manager.Id, ByName = manager.Email!,
                Note = $"Proposed {alex.FullName} ({alex.Account.Name}).",
            },
            new RequestTransition
            {
                RequestId = request.Id, From = RequestStatus.CandidateProposed, To = RequestStatus.OwnerApproved, At = request.AdvocateAskedAt.Value,
                ByUserId = owner.Id, ByName = owner.Email!,
            });

        // A change Alex made in the portal: at most three asks a quarter, and a blackout over the holidays.
        var holidays = new DateOnly(today.Month == 12 && today.Day > 26 ? today.Year + 1 : today.Year, 12, 22);
        db.ContactBlackouts.Add(new ContactBlackout { ContactId = alex.Id, Starts = holidays, Ends = holidays.AddDays(12), Reason = "Holidays" });
        alex.PreferredChannels = Channels.Video | Channels.Email;
        db.ConsentRecords.Add(new ConsentRecord
        {
            ContactId = alex.Id, RecordedAt = now.AddDays(-9), RecordedById = advocate.Id, Consent = alex.Consent, GivenOn = alex.ConsentGivenOn,
            ExpiresOn = alex.ConsentExpiresOn, Scope = alex.ConsentScope, ActivityTypes = "case-study,reference-call",
            Change = $"blackout {holidays:yyyy-MM-dd} to {holidays.AddDays(12):yyyy-MM-dd} added; channels: none → Email, Video",
        });

        var peer = await db.Contacts.Where(c => c.Id != alex.Id && c.AccountId != alex.AccountId && c.Consent != ConsentLevel.None)
            .OrderBy(c => c.LastName).FirstAsync(ct);
        db.Set<Referral>().AddRange(
            new Referral
            {
                ReferredById = alex.Id, AccountId = alex.AccountId, Company = "Harbor Logistics", CompanyDomain = "harborlogistics.example",
                PersonName = "Jordan Reyes", PersonTitle = "VP Operations", PersonEmail = "jordan.reyes@harborlogistics.example",
                Note = "Met at a user group; they run the same spreadsheet we used to.", Status = ReferralStatus.Contacted, CreatedAt = now.AddDays(-21),
                RecordedById = advocate.Id,
            },
            new Referral
            {
                ReferredById = peer.Id, AccountId = peer.AccountId, Company = "Northwind Health", CompanyDomain = "northwindhealth.example",
                PersonName = "Priya Natarajan", PersonTitle = "Director of Customer Success", Status = ReferralStatus.New, CreatedAt = now.AddDays(-3),
                RecordedById = manager.Id,
            });
        await db.SaveChangesAsync(ct);
    }
}
