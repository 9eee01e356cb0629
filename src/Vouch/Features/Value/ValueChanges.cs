using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Vouch.Features.Accounts;
using Vouch.Features.BuyerJourney;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Events;
using Vouch.Features.Ideas;
using Vouch.Features.Opportunities;
using Vouch.Features.Referrals;
using Vouch.Features.Requests;
using Vouch.Features.Reviews;

namespace Vouch.Features.Value;

/// <summary>
/// Notes, in the same save, which records behind stored values changed (<see cref="StaleValue"/>): an account or its
/// people, a deal, a reference, a referral, an event's speakers and attendees, a review, an idea, a survey answer, the
/// settings. The refresh job turns each note into the accounts whose value it may move. A write pays one small insert.
/// </summary>
public sealed class ValueChanges(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var marks = new HashSet<(StaleKind, Guid?)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case ValueSettings:
                    marks.Add((StaleKind.All, null));
                    break;
                case Account account:
                    marks.Add((StaleKind.Account, account.Id));
                    break;
                case Contact contact:
                    marks.Add((StaleKind.Account, contact.AccountId));
                    break;
                case Engagement engagement:
                    marks.Add((StaleKind.Account, engagement.AccountId));
                    break;
                case Referral referral:
                    marks.Add((StaleKind.Account, referral.AccountId));
                    break;
                case Opportunity deal:
                    marks.Add((StaleKind.Deal, deal.Id));
                    break;
                case ReferenceRequest { OpportunityId: { } dealId }:
                    marks.Add((StaleKind.Deal, dealId));
                    break;
                case BuyerJourneyAnswer answer:
                    marks.Add((StaleKind.Deal, answer.OpportunityId));
                    break;
                case Event e when entry.State == EntityState.Modified:
                    marks.Add((StaleKind.Event, e.Id));
                    break;
                case EventSpeaker speaker:
                    marks.Add((StaleKind.Event, speaker.EventId));
                    break;
                case EventAttendee attendee:
                    marks.Add((StaleKind.Event, attendee.EventId));
                    break;
                case ReviewInvitation invitation:
                    marks.Add((StaleKind.Review, invitation.Id));
                    break;
                // Only delivering an idea (or taking it back, or merging it) moves a value; votes move its tallies all day.
                case Idea idea when entry.State == EntityState.Deleted
                    || (entry.State == EntityState.Modified && (entry.Property(nameof(Idea.Status)).IsModified || entry.Property(nameof(Idea.MergedIntoId)).IsModified)):
                    marks.Add((StaleKind.Idea, idea.Id));
                    break;
                // A vote moves a value only on a delivered idea; voting loads the idea into the same save, so the vote
                // hot path writes no note.
                case IdeaVote { AccountId: { } voter } vote when context.Set<Idea>().Local.FindEntry(vote.IdeaId)?.Entity is not { Status: not IdeaStatus.Delivered }:
                    marks.Add((StaleKind.Account, voter));
                    break;
            }
        }
        var now = clock.GetUtcNow();
        foreach (var (kind, id) in marks)
        {
            context.Add(new StaleValue { Kind = kind, RecordId = id, At = now });
        }
    }
}
