using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Events;
using Vouch.Features.Reviews;

namespace Vouch.Features.Value;

/// <summary>
/// Works the stored values (<see cref="AccountValue"/>, <see cref="ContactValue"/>) out again: of the accounts the
/// pending <see cref="StaleValue"/> notes point to, or of every account at once. The rows are written with SQL of their
/// own, never through SaveChanges, so that refreshing them notes no change of its own.
/// </summary>
public sealed class ValueRefresh(VouchDbContext db, ValueReader reader, ValueSettingsStore store, TimeProvider clock)
{
    /// <summary>Accounts read and written per step.</summary>
    public const int BatchSize = 500;

    /// <summary>Notes read per round of <see cref="ProcessStaleAsync"/>.</summary>
    public const int NotesPerRound = 2_000;

    /// <summary>Rows per INSERT, under both providers' limit on parameters.</summary>
    private const int RowsPerStatement = 400;

    /// <summary>Turns the pending notes into accounts and works their values out; answers how many accounts were refreshed.</summary>
    public async Task<int> ProcessStaleAsync(CancellationToken ct)
    {
        var refreshed = 0;
        while (true)
        {
            var notes = await db.Set<StaleValue>().AsNoTracking().OrderBy(n => n.Id).Take(NotesPerRound).ToListAsync(ct);
            if (notes.Count == 0)
            {
                return refreshed;
            }
            var upTo = notes[^1].Id;
            if (notes.Any(n => n.Kind == StaleKind.All))
            {
                refreshed += await RecomputeAllAsync(null, ct);
            }
            else
            {
                var accounts = await AccountsOfAsync(notes, await store.CurrentAsync(ct), ct);
                foreach (var batch in accounts.Chunk(BatchSize))
                {
                    refreshed += await RefreshAsync(batch, ct);
                }
            }
            await db.Set<StaleValue>().Where(n => n.Id <= upTo).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>Works out every account's and contact's value, a batch at a time.</summary>
    public async Task<int> RecomputeAllAsync(Action<int>? progress, CancellationToken ct)
    {
        var done = 0;
        Guid? after = null;
        while (true)
        {
            var accounts = db.Accounts.IgnoreQueryFilters().AsNoTracking();
            if (after is { } last)
            {
                accounts = accounts.Where(a => a.Id.CompareTo(last) > 0);
            }
            var batch = await accounts.OrderBy(a => a.Id).Select(a => a.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return done;
            }
            done += await RefreshAsync(batch, ct);
            progress?.Invoke(done);
            after = batch[^1];
        }
    }

    /// <summary>Works the values of these accounts and their contacts out and stores them, in one transaction.</summary>
    public async Task<int> RefreshAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken ct)
    {
        var settings = await store.CurrentAsync(ct);
        var accounts = await db.Accounts.IgnoreQueryFilters().AsNoTracking().Where(a => accountIds.Contains(a.Id))
            .Select(a => new
            {
                a.Id, Deleted = a.DeletedAt != null, a.OwnerId, a.Segment, a.IndustryId,
                Customer = a.CustomerSince != null || a.ContractDate != null || db.Opportunities.Any(o => o.AccountId == a.Id && o.IsClosed && o.IsWon),
            })
            .ToListAsync(ct);
        var contacts = await db.Contacts.IgnoreQueryFilters().AsNoTracking().Where(c => accountIds.Contains(c.AccountId))
            .Select(c => new { c.Id, Deleted = c.DeletedAt != null, c.AdvocacyStage }).ToListAsync(ct);
        var (accountFacts, contactFacts) = await reader.ForAccountsAndContactsAsync(accountIds, settings, ct);
        var now = clock.GetUtcNow();
        var accountRows = accounts.Select(a =>
        {
            var value = ValueModel.Of(accountFacts[a.Id], settings);
            return new object?[]
            {
                a.Id, !a.Deleted && a.Customer, a.OwnerId, a.Segment?.ToString(), a.IndustryId, (double?)value.Lifetime.Amount,
                (double)value.Referral.Amount!.Value, (double)value.Influence.Amount!.Value, (double)value.Knowledge.Amount!.Value,
                (double?)value.Engagement, (double?)value.Multiple, now,
            };
        }).ToList();
        var deletedAccounts = accounts.Where(a => a.Deleted).Select(a => a.Id).ToHashSet();
        var contactRows = contacts.Select(c =>
        {
            var (accountId, facts) = contactFacts[c.Id];
            var value = ValueModel.Of(facts, settings);
            var hours = (double)facts.AskHours;
            var beyond = (double)value.BeyondBuying;
            return new object?[]
            {
                c.Id, accountId, !c.Deleted && !deletedAccounts.Contains(accountId) && c.AdvocacyStage is AdvocacyStage.Advocate or AdvocacyStage.RockStar,
                (double)value.Referral.Amount!.Value, (double)value.Influence.Amount!.Value, (double)value.Knowledge.Amount!.Value,
                beyond, hours, hours > 0 ? Math.Round(beyond / hours, 2) : null, now,
            };
        }).ToList();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await UpsertAsync(s_accountTable, accountRows, ct);
        await UpsertAsync(s_contactTable, contactRows, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        return accounts.Count;
    }

    /// <summary>The accounts whose value the noted changes may move.</summary>
    private async Task<IReadOnlyCollection<Guid>> AccountsOfAsync(IReadOnlyList<StaleValue> notes, ValueModelSettings settings, CancellationToken ct)
    {
        IReadOnlyCollection<Guid> Of(StaleKind kind) => [.. notes.Where(n => n.Kind == kind && n.RecordId is not null).Select(n => n.RecordId!.Value).Distinct()];
        var accounts = Of(StaleKind.Account).ToHashSet();
        var deals = Of(StaleKind.Deal).ToHashSet();
        if (Of(StaleKind.Event) is { Count: > 0 } events)
        {
            deals.UnionWith(await reader.DealsOfEventsAsync(events, settings, ct));
            accounts.UnionWith(await db.Set<EventSpeaker>().Where(s => events.Contains(s.EventId)).Select(s => s.Contact!.AccountId).ToListAsync(ct));
            accounts.UnionWith(await db.Set<EventAttendee>().Where(a => events.Contains(a.EventId) && a.ContactId != null).Select(a => a.Contact!.AccountId).ToListAsync(ct));
        }
        if (Of(StaleKind.Review) is { Count: > 0 } reviews)
        {
            var reviewed = await db.Set<ReviewInvitation>().Where(i => reviews.Contains(i.Id))
                .Select(i => new { i.Contact!.AccountId, i.ReviewedAt }).ToListAsync(ct);
            accounts.UnionWith(reviewed.Select(r => r.AccountId));
            deals.UnionWith(await reader.DealsAfterReviewsAsync(
                [.. reviewed.Where(r => r.ReviewedAt is not null).Select(r => DateOnly.FromDateTime(r.ReviewedAt!.Value.UtcDateTime))], settings, ct));
        }
        if (Of(StaleKind.Idea) is { Count: > 0 } ideas)
        {
            accounts.UnionWith(await db.IdeaVotes.Where(v => ideas.Contains(v.IdeaId) && v.AccountId != null).Select(v => v.AccountId!.Value).ToListAsync(ct));
            accounts.UnionWith(await (from i in db.Ideas
                                      join u in db.Users on i.AuthorId equals u.Id
                                      join c in db.Contacts on u.ContactId equals c.Id
                                      where ideas.Contains(i.Id)
                                      select c.AccountId).ToListAsync(ct));
        }
        if (deals.Count > 0)
        {
            accounts.UnionWith(await reader.AccountsOfDealsAsync(deals, settings, ct));
        }
        return accounts;
    }

    private sealed record Table(string Name, string Key, string[] Columns, NpgsqlDbType[] Types);

    private static readonly Table s_accountTable = new("AccountValues", nameof(AccountValue.AccountId),
        [
            nameof(AccountValue.AccountId), nameof(AccountValue.IsCustomer), nameof(AccountValue.OwnerId), nameof(AccountValue.Segment),
            nameof(AccountValue.IndustryId), nameof(AccountValue.Lifetime), nameof(AccountValue.Referral), nameof(AccountValue.Influence),
            nameof(AccountValue.Knowledge), nameof(AccountValue.Engagement), nameof(AccountValue.Multiple), nameof(AccountValue.ComputedAt),
        ],
        [
            NpgsqlDbType.Uuid, NpgsqlDbType.Boolean, NpgsqlDbType.Uuid, NpgsqlDbType.Varchar, NpgsqlDbType.Uuid, NpgsqlDbType.Double,
            NpgsqlDbType.Double, NpgsqlDbType.Double, NpgsqlDbType.Double, NpgsqlDbType.Double, NpgsqlDbType.Double, NpgsqlDbType.TimestampTz,
        ]);

    private static readonly Table s_contactTable = new("ContactValues", nameof(ContactValue.ContactId),
        [
            nameof(ContactValue.ContactId), nameof(ContactValue.AccountId), nameof(ContactValue.IsAdvocate), nameof(ContactValue.Referral),
            nameof(ContactValue.Influence), nameof(ContactValue.Knowledge), nameof(ContactValue.Beyond), nameof(ContactValue.AskHours),
            nameof(ContactValue.PerAskHour), nameof(ContactValue.ComputedAt),
        ],
        [
            NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Boolean, NpgsqlDbType.Double, NpgsqlDbType.Double, NpgsqlDbType.Double,
            NpgsqlDbType.Double, NpgsqlDbType.Double, NpgsqlDbType.Double, NpgsqlDbType.TimestampTz,
        ]);

    /// <summary>Inserts or replaces the rows, several to a statement; the same SQL on SQLite and PostgreSQL.</summary>
    private async Task UpsertAsync(Table table, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        var quoted = string.Join(", ", table.Columns.Select(c => $"\"{c}\""));
        var updates = string.Join(", ", table.Columns.Where(c => c != table.Key).Select(c => $"\"{c}\" = excluded.\"{c}\""));
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder($"INSERT INTO \"{table.Name}\" ({quoted}) VALUES ");
            var parameters = new List<DbParameter>(chunk.Length * table.Columns.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "(" : ", (");
                for (var v = 0; v < table.Columns.Length; v++)
                {
                    var name = $"@p{parameters.Count}";
                    sql.Append(v == 0 ? name : ", " + name);
                    var value = chunk[i][v] ?? DBNull.Value;
                    parameters.Add(postgres ? new NpgsqlParameter(name, table.Types[v]) { Value = value } : new SqliteParameter(name, value));
                }
                sql.Append(')');
            }
            sql.Append($" ON CONFLICT (\"{table.Key}\") DO UPDATE SET ").Append(updates);
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }
}
