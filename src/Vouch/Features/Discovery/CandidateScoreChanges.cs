using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;

namespace Vouch.Features.Discovery;

/// <summary>
/// Keeps <see cref="CandidateScore"/>s up to date: notes, before a save, which contacts it touches (the contact, their NPS
/// answers, their ledger entries, their account) and, once it is saved, recomputes those contacts' rows on the same
/// connection and in the same transaction, if the save had one. Bulk paths that bypass EF call
/// <see cref="CandidateScoring.RecomputeAllAsync"/> instead.
/// </summary>
public sealed class CandidateScoreChanges : SaveChangesInterceptor
{
    private sealed record Touched(HashSet<Guid> Contacts, HashSet<Guid> Accounts);

    private readonly ConditionalWeakTable<DbContext, Touched> _pending = [];

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

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        // Vouch saves asynchronously; a synchronous save still keeps the rows right, waiting for the refresh.
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is VouchDbContext db && _pending.TryGetValue(db, out var touched) && _pending.Remove(db))
        {
            await CandidateScoring.RefreshAsync(db, touched.Contacts, touched.Accounts, cancellationToken);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var touched = new Touched([], []);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Contact contact:
                    touched.Contacts.Add(contact.Id);
                    break;
                case NpsAnswer answer:
                    touched.Contacts.Add(answer.ContactId);
                    break;
                case Engagement engagement:
                    touched.Contacts.Add(engagement.ContactId);
                    break;
                // A new account has no contacts yet; a changed one may move all of its contacts' scores.
                case Account account when entry.State == EntityState.Modified:
                    touched.Accounts.Add(account.Id);
                    break;
            }
        }
        if (touched.Contacts.Count + touched.Accounts.Count > 0)
        {
            _pending.AddOrUpdate(context, touched);
        }
        else
        {
            _pending.Remove(context);
        }
    }
}
