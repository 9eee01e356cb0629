using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;

namespace Vouch.Features.Discovery;

/// <summary>
/// Works out the stored <see cref="CandidateScore"/> of contacts from their records: a few after a write, or every
/// contact at once after a bulk load. The rows are written with SQL of their own, never through SaveChanges, so that
/// keeping them up to date after a save starts no second save with its interceptors.
/// </summary>
public static class CandidateScoring
{
    /// <summary>Contacts read and written per step of <see cref="RecomputeAllAsync"/>.</summary>
    public const int BatchSize = 5_000;

    /// <summary>Rows per INSERT: 11 parameters each stays under both providers' limit on parameters.</summary>
    private const int RowsPerStatement = 500;

    /// <summary>Everything the score and the lists read about one contact, in one row.</summary>
    private sealed record Facts(
        Guid ContactId, Guid AccountId, string FirstName, string LastName, bool Deleted, AdvocacyStage Stage,
        Segment? Segment, Guid? IndustryId, decimal? GrossProfit, bool HasAssociations, bool SpeaksAtEvents, bool IsLeadUser,
        bool HelpsOthers, bool HasBlog, int? Followers, int? LatestNps, bool EverAsked, DateTimeOffset? LastEngagedAt);

    /// <summary>
    /// Recomputes the rows of <paramref name="contactIds"/> and of every contact at <paramref name="accountIds"/>. The
    /// profit percentile is read against the accounts as they are now; the others' rows keep theirs until they change
    /// or <see cref="RecomputeAllAsync"/> runs.
    /// </summary>
    public static async Task RefreshAsync(VouchDbContext db, IReadOnlyCollection<Guid> contactIds, IReadOnlyCollection<Guid> accountIds, CancellationToken ct)
    {
        var contacts = db.Contacts.IgnoreQueryFilters().Where(c => contactIds.Contains(c.Id) || accountIds.Contains(c.AccountId));
        var facts = await ReadFacts(db, contacts).ToListAsync(ct);
        if (facts.Count == 0)
        {
            return;
        }
        var withProfit = db.Accounts.Where(a => a.GrossProfit != null);
        var count = await withProfit.CountAsync(ct);
        var percentiles = new Dictionary<decimal, int>();
        foreach (var profit in facts.Where(f => f.GrossProfit is not null).Select(f => f.GrossProfit!.Value).Distinct())
        {
            // Compared as numbers: SQLite keeps decimals as text, whose order is not the numbers' order.
            var value = (double)profit;
            percentiles[profit] = DiscoveryScore.PercentileOf(await withProfit.CountAsync(a => (double)a.GrossProfit!.Value <= value, ct), count);
        }
        await UpsertAsync(db, [.. facts.Select(f => ScoreOf(f, f.GrossProfit is { } p ? percentiles[p] : null))], ct);
    }

    /// <summary>
    /// Recomputes the rows of <paramref name="contactIds"/> and of every contact at <paramref name="accountIds"/>, with the
    /// profit percentile read against <paramref name="sortedProfits"/> (<see cref="SortedProfitsAsync"/>): for a bulk
    /// write, which reads the profits once rather than counting accounts for every profit of every batch.
    /// </summary>
    public static async Task RefreshAsync(
        VouchDbContext db, IReadOnlyCollection<Guid> contactIds, IReadOnlyCollection<Guid> accountIds, IReadOnlyList<decimal> sortedProfits, CancellationToken ct)
    {
        // One condition when the other has no values, so that the database reads the one index it needs.
        var all = db.Contacts.IgnoreQueryFilters();
        var contacts = accountIds.Count == 0 ? all.Where(c => contactIds.Contains(c.Id))
            : contactIds.Count == 0 ? all.Where(c => accountIds.Contains(c.AccountId))
            : all.Where(c => contactIds.Contains(c.Id) || accountIds.Contains(c.AccountId));
        var facts = await ReadFacts(db, contacts).ToListAsync(ct);
        await UpsertAsync(db, [.. facts.Select(f => ScoreOf(f, DiscoveryScore.Percentile(f.GrossProfit, sortedProfits)))], ct);
    }

    /// <summary>Every account's gross profit, in order, as <see cref="DiscoveryScore.Percentile"/> reads them.</summary>
    public static async Task<decimal[]> SortedProfitsAsync(VouchDbContext db, CancellationToken ct) =>
        (await db.Accounts.AsNoTracking().Where(a => a.GrossProfit != null).Select(a => a.GrossProfit!.Value).ToListAsync(ct)).Order().ToArray();

    /// <summary>
    /// Recomputes every contact's row, a batch at a time, each batch in its own transaction: after a bulk load that
    /// bypassed EF (the scale seed), or to bring every profit percentile up to date.
    /// </summary>
    public static async Task<int> RecomputeAllAsync(VouchDbContext db, Action<int>? progress = null, CancellationToken ct = default)
    {
        var profits = await SortedProfitsAsync(db, ct);
        var done = 0;
        Guid? after = null;
        while (true)
        {
            var contacts = db.Contacts.IgnoreQueryFilters();
            if (after is { } last)
            {
                contacts = contacts.Where(c => c.Id.CompareTo(last) > 0);
            }
            var facts = await ReadFacts(db, contacts.OrderBy(c => c.Id).Take(BatchSize)).ToListAsync(ct);
            if (facts.Count == 0)
            {
                return done;
            }
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await UpsertAsync(db, [.. facts.Select(f => ScoreOf(f, DiscoveryScore.Percentile(f.GrossProfit, profits)))], ct);
                await transaction.CommitAsync(ct);
            }
            done += facts.Count;
            progress?.Invoke(done);
            after = facts[^1].ContactId;
        }
    }

    /// <summary>The facts of a contact as the score reads them from the database, the engine's input.</summary>
    public static CandidateFacts FactsOf(Contact contact, int? profitPercentile, int? latestNps) => new(
        contact.AdvocacyStage, IsErased(contact.FirstName, contact.LastName), profitPercentile, latestNps,
        contact.Associations is not null, contact.SpeaksAtEvents, contact.IsLeadUser, contact.HelpsOthers, contact.BlogUrl is not null, contact.Followers);

    /// <summary>An erased contact keeps its row with the name erasing gives it and nothing else that identifies them.</summary>
    public static bool IsErased(string firstName, string lastName) =>
        firstName == PersonalData.ErasedFirstName && lastName == PersonalData.ErasedLastName;

    private static IQueryable<Facts> ReadFacts(VouchDbContext db, IQueryable<Contact> contacts) =>
        contacts.AsNoTracking().Select(c => new Facts(
            c.Id, c.AccountId, c.FirstName, c.LastName, c.DeletedAt != null || c.Account!.DeletedAt != null, c.AdvocacyStage,
            c.Account!.Segment, c.Account.IndustryId, c.Account.GrossProfit, c.Associations != null, c.SpeaksAtEvents, c.IsLeadUser,
            c.HelpsOthers, c.BlogUrl != null, c.Followers,
            db.NpsAnswers.Where(a => a.ContactId == c.Id).OrderByDescending(a => a.AnsweredOn).ThenByDescending(a => a.Id)
                .Select(a => (int?)a.Score).FirstOrDefault(),
            db.Engagements.Any(e => e.ContactId == c.Id && e.Kind == EngagementKind.Ask),
            db.Engagements.Where(e => e.ContactId == c.Id && e.Status == EngagementStatus.Completed).OrderByDescending(e => e.At)
                .Select(e => (DateTimeOffset?)e.At).FirstOrDefault()));

    private static CandidateScore ScoreOf(Facts f, int? profitPercentile)
    {
        var erased = IsErased(f.FirstName, f.LastName);
        var candidate = !f.Deleted && DiscoveryScore.IsCandidate(f.Stage, erased);
        var score = DiscoveryScore.Of(new CandidateFacts(
            f.Stage, erased, profitPercentile, f.LatestNps, f.HasAssociations, f.SpeaksAtEvents, f.IsLeadUser, f.HelpsOthers, f.HasBlog, f.Followers));
        return new CandidateScore
        {
            ContactId = f.ContactId,
            AccountId = f.AccountId,
            Segment = f.Segment,
            IndustryId = f.IndustryId,
            IsCandidate = candidate,
            Total = candidate ? score.Total : 0,
            ProfitPercentile = profitPercentile,
            LatestNps = f.LatestNps,
            PromoterNeverAsked = candidate && f.LatestNps is { } nps && NpsAnswer.IsPromoter(nps) && !f.EverAsked,
            IsAdvocate = !f.Deleted && !erased && f.Stage is AdvocacyStage.Advocate or AdvocacyStage.RockStar,
            LastEngagedOn = f.LastEngagedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null,
        };
    }

    private static readonly string[] s_columns =
    [
        nameof(CandidateScore.ContactId), nameof(CandidateScore.AccountId), nameof(CandidateScore.Segment), nameof(CandidateScore.IndustryId),
        nameof(CandidateScore.IsCandidate), nameof(CandidateScore.Total), nameof(CandidateScore.ProfitPercentile), nameof(CandidateScore.LatestNps),
        nameof(CandidateScore.PromoterNeverAsked), nameof(CandidateScore.IsAdvocate), nameof(CandidateScore.LastEngagedOn),
    ];

    /// <summary>
    /// Inserts or replaces the rows: on PostgreSQL several to a statement; on SQLite, which spends longer parsing a
    /// statement of thousands of parameters than running one prepared statement for each row, one row at a time.
    /// </summary>
    private static async Task UpsertAsync(VouchDbContext db, IReadOnlyList<CandidateScore> rows, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        if (!postgres)
        {
            await UpsertEachAsync(db, rows, ct);
            return;
        }
        var quoted = string.Join(", ", s_columns.Select(c => $"\"{c}\""));
        var updates = string.Join(", ", s_columns.Skip(1).Select(c => $"\"{c}\" = excluded.\"{c}\""));
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder($"INSERT INTO \"CandidateScores\" ({quoted}) VALUES ");
            var parameters = new List<DbParameter>(chunk.Length * s_columns.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                var row = chunk[i];
                sql.Append(i == 0 ? "(" : ", (");
                var values = ValuesOf(row);
                for (var v = 0; v < values.Length; v++)
                {
                    var name = $"@p{parameters.Count}";
                    sql.Append(v == 0 ? name : ", " + name);
                    parameters.Add(postgres ? PostgresParameter(name, values[v], v) : new SqliteParameter(name, values[v] ?? DBNull.Value));
                }
                sql.Append(')');
            }
            sql.Append(" ON CONFLICT (\"ContactId\") DO UPDATE SET ").Append(updates);
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }

    /// <summary>A row's values in the order of <see cref="s_columns"/>.</summary>
    private static object?[] ValuesOf(CandidateScore row) =>
    [
        row.ContactId, row.AccountId, row.Segment?.ToString(), row.IndustryId, row.IsCandidate, row.Total,
        row.ProfitPercentile, row.LatestNps, row.PromoterNeverAsked, row.IsAdvocate, row.LastEngagedOn,
    ];

    private static async Task UpsertEachAsync(VouchDbContext db, IReadOnlyList<CandidateScore> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"INSERT INTO \"CandidateScores\" ({string.Join(", ", s_columns.Select(c => $"\"{c}\""))}) " +
                $"VALUES ({string.Join(", ", s_columns.Select((_, i) => $"@p{i}"))}) " +
                $"ON CONFLICT (\"ContactId\") DO UPDATE SET {string.Join(", ", s_columns.Skip(1).Select(c => $"\"{c}\" = excluded.\"{c}\""))}";
            var parameters = s_columns.Select((_, i) => new SqliteParameter($"@p{i}", DBNull.Value)).ToArray();
            command.Parameters.AddRange(parameters);
            await command.PrepareAsync(ct);
            foreach (var row in rows)
            {
                var values = ValuesOf(row);
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i] ?? DBNull.Value;
                }
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>PostgreSQL needs each null's type; the column order is <see cref="s_columns"/>'.</summary>
    private static NpgsqlParameter PostgresParameter(string name, object? value, int column) =>
        new(name, column switch
        {
            0 or 1 or 3 => NpgsqlDbType.Uuid,
            2 => NpgsqlDbType.Varchar,
            4 or 8 or 9 => NpgsqlDbType.Boolean,
            10 => NpgsqlDbType.Date,
            _ => NpgsqlDbType.Integer,
        })
        { Value = value ?? DBNull.Value };
}
