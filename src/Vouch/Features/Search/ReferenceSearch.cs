using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Web;

namespace Vouch.Features.Search;

/// <summary>
/// One reference in the search results: what a seller may see of a contact (the account, the role,
/// how far they advocate, what they agreed to and their story), never their email, phone or notes.
/// </summary>
public sealed record ReferenceSummary(
    Guid Id,
    string Name,
    string? Title,
    Guid AccountId,
    string Account,
    string? Industry,
    string? Segment,
    string? Region,
    string? Country,
    int? Employees,
    string Stage,
    string Consent,
    IReadOnlyList<string> Activities,
    string? Excerpt,
    bool FoundByMeaning = false);

/// <summary>A reference with the whole story, as the export writes it.</summary>
public sealed record ReferenceExportRow(ReferenceSummary Reference, string? UseCase, string? Results, string? Quotes);

/// <summary>
/// The reference search, in SQL written for each database: the full-text match comes from FTS5 on
/// SQLite and a tsvector column on PostgreSQL, which LINQ cannot express, and the total over a
/// million contacts is cheapest when the query touches the accounts only when a filter needs them.
/// </summary>
public static class ReferenceSearch
{
    public const int ExcerptLength = 160;

    /// <summary>The rows one export writes at most.</summary>
    public const int ExportMaxRows = 50_000;

    /// <summary>
    /// On SQLite, a search with text that finds at most this many references is ranked by <see cref="TextRank"/>;
    /// a broader one by where the words are found.
    /// </summary>
    public const int RankedHereAtMost = 500;

    /// <summary>The rows an export reads at a time when it reads them by rowid.</summary>
    private const int ExportSlice = 500;

    public static async Task<Paged<ReferenceSummary>> SearchAsync(this VouchDbContext db, ReferenceCriteria criteria, int page, int pageSize, CancellationToken ct)
    {
        var (items, total) = await db.SliceAsync(criteria, (page - 1) * pageSize, pageSize, ct);
        return new Paged<ReferenceSummary>(items, total, page, pageSize);
    }

    /// <summary>The <paramref name="take"/> matches after the first <paramref name="skip"/>, in the search's order, and how many match.</summary>
    public static async Task<(IReadOnlyList<ReferenceSummary> Items, int Total)> SliceAsync(
        this VouchDbContext db, ReferenceCriteria criteria, int skip, int take, CancellationToken ct)
    {
        var sql = await SearchSql.CreateAsync(db, criteria, ct);
        if (sql.FromIndex)
        {
            return sql.Postgres
                ? await SliceFromIndexAsync<Guid>(db, sql, criteria, skip, take, ct)
                : await SliceFromIndexAsync<long>(db, sql, criteria, skip, take, ct);
        }
        var total = await db.Database.SqlQueryRaw<int>(sql.Count(), [.. sql.Parameters]).ToListAsync(ct);
        var rows = take == 0 ? [] : await db.Database.SqlQueryRaw<ReferenceRow>(sql.Page(skip, take), [.. sql.Parameters]).ToListAsync(ct);
        return ([.. rows.Select(r => r.ToSummary(criteria.Today))], total.Single());
    }

    private static async Task<(IReadOnlyList<ReferenceSummary> Items, int Total)> SliceFromIndexAsync<TKey>(
        VouchDbContext db, SearchSql sql, ReferenceCriteria criteria, int skip, int take, CancellationToken ct)
        where TKey : notnull
    {
        // One pass over the index reads every match: their number is the total, and they are what the page is cut from.
        var matches = await MatchesAsync<TKey>(db, sql, ct);
        var shown = (await OrderAsync(db, sql, criteria.Words, matches, ct)).Skip(skip).Take(take).ToList();
        var found = await RowsAsync(db, sql, shown, ct);
        return ([.. found.Select(r => r.ToSummary(criteria.Today))], matches.Count);
    }

    /// <summary>
    /// One match of a search with text: its key in the index (SQLite's rowid, PostgreSQL's id) and, on PostgreSQL,
    /// whether the words are in its name or title.
    /// </summary>
    private sealed record Match<TKey>(TKey Key, bool Named);

    /// <summary>Every match of a search with text, in the order of their keys: the order in which they were added.</summary>
    private static Task<List<Match<TKey>>> MatchesAsync<TKey>(VouchDbContext db, SearchSql sql, CancellationToken ct) =>
        db.Database.SqlQueryRaw<Match<TKey>>(sql.Matches(), [.. sql.Parameters]).ToListAsync(ct);

    /// <summary>The keys, best first: by <see cref="TextRank"/>, then by name.</summary>
    private static async Task<List<TKey>> RankAsync<TKey>(VouchDbContext db, SearchSql sql, IReadOnlyList<string> words, List<TKey> keys, CancellationToken ct)
        where TKey : notnull
    {
        var texts = await db.Database.SqlQueryRaw<RankedText<TKey>>(sql.TextsByKeys(), sql.KeysParameter(keys)).ToListAsync(ct);
        var rank = new TextRank(words);
        return [.. texts
            .Select(t => (t.Key, t.LastName, t.FirstName, t.Id,
                Score: rank.Score($"{t.FirstName} {t.LastName}", t.Title, string.Join(' ', t.UseCase, t.Results, t.Quotes))))
            .OrderByDescending(t => t.Score).ThenBy(t => t.LastName, StringComparer.Ordinal).ThenBy(t => t.FirstName, StringComparer.Ordinal).ThenBy(t => t.Id)
            .Select(t => t.Key)];
    }

    /// <summary>
    /// The matches in the order the search lists them, which the page and the export share: at most
    /// <see cref="RankedHereAtMost"/> are ranked by <see cref="TextRank"/>, more in the order of <see cref="BroadOrderAsync"/>.
    /// </summary>
    private static async Task<IEnumerable<TKey>> OrderAsync<TKey>(
        VouchDbContext db, SearchSql sql, IReadOnlyList<string> words, List<Match<TKey>> matches, CancellationToken ct)
        where TKey : notnull =>
        matches.Count <= RankedHereAtMost
            ? await RankAsync(db, sql, words, [.. matches.Select(m => m.Key)], ct)
            : await BroadOrderAsync(db, sql, words, matches, ct);

    /// <summary>
    /// A broad search, best first without reading the text of every match: those with the words in the name or title
    /// (ranked by <see cref="TextRank"/>), then the rest of <paramref name="matches"/>, the most recently added first.
    /// A rank over every match (bm25, <c>ts_rank</c>) would read the text of each one instead. The rest is listed
    /// lazily, so a page reads only as far as it goes.
    /// </summary>
    private static async Task<IEnumerable<TKey>> BroadOrderAsync<TKey>(
        VouchDbContext db, SearchSql sql, IReadOnlyList<string> words, List<Match<TKey>> matches, CancellationToken ct)
        where TKey : notnull
    {
        var named = await NamedAsync(db, sql, matches, ct);
        var first = await RankAsync(db, sql, words, named, ct);
        var seen = first.ToHashSet();
        // Keys grow with when a contact was added: SQLite's rowids, and PostgreSQL's ids (UUID version 7).
        var newest = Enumerable.Range(0, matches.Count).Select(i => matches[matches.Count - 1 - i].Key).Where(key => !seen.Contains(key));
        return first.Concat(newest);
    }

    /// <summary>The matches with the words in the name or title.</summary>
    private static async Task<List<TKey>> NamedAsync<TKey>(VouchDbContext db, SearchSql sql, List<Match<TKey>> matches, CancellationToken ct)
        where TKey : notnull
    {
        if (sql.Postgres)
        {
            // The match itself says so: the words' weights in the contact's tsvector.
            return [.. matches.Where(m => m.Named).Select(m => m.Key)];
        }
        // SQLite's narrow index of names and titles lists every contact with the words there; the matches are among them.
        var named = await db.Database.SqlQueryRaw<TKey>(sql.NamedRowIds(), sql.Words!).ToListAsync(ct);
        var matched = matches.Select(m => m.Key).ToHashSet();
        return [.. named.Where(matched.Contains)];
    }

    /// <summary>The result rows of these keys, in their order.</summary>
    private static async Task<List<ReferenceRow>> RowsAsync<TKey>(VouchDbContext db, SearchSql sql, IReadOnlyCollection<TKey> keys, CancellationToken ct)
        where TKey : notnull
    {
        var rows = await db.Database.SqlQueryRaw<ReferenceRow>(sql.RowsByKeys(), sql.KeysParameter(keys)).ToListAsync(ct);
        var byKey = rows.ToDictionary(r => (TKey)(sql.Postgres ? r.Id : (object)r.RowId));
        return [.. keys.Select(key => byKey[key])];
    }

    private sealed record RankedText<TKey>(TKey Key, Guid Id, string FirstName, string LastName, string? Title, string? UseCase, string? Results, string? Quotes);

    /// <summary>
    /// Every matching reference in the order the search's pages list them, read as it is written out. With text that
    /// order is worked out here (<see cref="OrderAsync"/>), and the rows are read a slice at a time.
    /// </summary>
    public static async IAsyncEnumerable<ReferenceExportRow> StreamAsync(
        this VouchDbContext db, ReferenceCriteria criteria, [EnumeratorCancellation] CancellationToken ct)
    {
        var sql = await SearchSql.CreateAsync(db, criteria, ct);
        var rows = !sql.FromIndex ? db.Database.SqlQueryRaw<ReferenceRow>(sql.Page(0, ExportMaxRows), [.. sql.Parameters]).AsAsyncEnumerable()
            : sql.Postgres ? RowsFromIndexAsync<Guid>(db, sql, criteria, ct)
            : RowsFromIndexAsync<long>(db, sql, criteria, ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return row.ToExportRow(criteria.Today);
        }
    }

    private static async IAsyncEnumerable<ReferenceRow> RowsFromIndexAsync<TKey>(
        VouchDbContext db, SearchSql sql, ReferenceCriteria criteria, [EnumeratorCancellation] CancellationToken ct)
        where TKey : notnull
    {
        var matches = await MatchesAsync<TKey>(db, sql, ct);
        foreach (var slice in (await OrderAsync(db, sql, criteria.Words, matches, ct)).Take(ExportMaxRows).Chunk(ExportSlice))
        {
            foreach (var row in await RowsAsync(db, sql, slice, ct))
            {
                yield return row;
            }
        }
    }

    /// <summary>The first sentence-sized piece of the story: results first, as that is what sells.</summary>
    public static string? Excerpt(string? useCase, string? results, string? quotes)
    {
        var story = new[] { results, useCase, quotes }.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s))?.Trim();
        if (story is null || story.Length <= ExcerptLength)
        {
            return story;
        }
        var cut = story.LastIndexOf(' ', ExcerptLength - 1);
        return string.Concat(story.AsSpan(0, cut > ExcerptLength / 2 ? cut : ExcerptLength - 1), "…");
    }

    /// <summary>A result row as SQL returns it; the names match the columns the query selects.</summary>
    private sealed record ReferenceRow(
        long RowId, Guid Id, string FirstName, string LastName, string? Title, Guid AccountId, string Account, string? Industry,
        string? Segment, string? Region, string? Country, int? Employees, string AdvocacyStage, string Consent,
        DateOnly? ConsentExpiresOn, string? Activities, string? UseCase, string? Results, string? Quotes)
    {
        /// <summary>Consent past its expiry date is shown as expired: it no longer lets anyone ask.</summary>
        public ReferenceSummary ToSummary(DateOnly today) => new(
            Id, $"{FirstName} {LastName}", Title, AccountId, Account, Industry, Segment, Region, Country?.Trim(), Employees,
            AdvocacyStage, ConsentExpiresOn < today && Consent != nameof(ConsentLevel.None) ? "Expired" : Consent, Activities is null ? [] : Activities.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Excerpt(UseCase, Results, Quotes));

        public ReferenceExportRow ToExportRow(DateOnly today) => new(ToSummary(today), UseCase, Results, Quotes);
    }

    /// <summary>
    /// The FROM and WHERE of one search, with its parameters as <c>{n}</c> placeholders that EF
    /// turns into database parameters. Identifiers are quoted the same way on both databases.
    /// A search with text starts from the full-text index, which also holds a token per filter value
    /// (<see cref="SearchFacets"/>): the words and the filters are one intersection inside the index,
    /// and only the filters it cannot hold (size within a band, competitor, consent expiry) read the rows.
    /// On SQLite the index is FTS5's, keyed by rowid; on PostgreSQL a GIN index over the contact's words and
    /// facets together, keyed by id.
    /// </summary>
    private sealed class SearchSql
    {
        private readonly ReferenceCriteria _criteria;
        private readonly StringBuilder _where;
        private readonly string? _named;

        public List<object> Parameters { get; } = [];

        public bool Postgres { get; }

        /// <summary>True when the search has text, and so starts from the full-text index, filters included.</summary>
        public bool FromIndex { get; }

        /// <summary>The words as a full-text query, without the filters.</summary>
        public string? Words { get; }

        /// <summary>
        /// The search's SQL. On PostgreSQL with text the database first says what the last word becomes in the index
        /// (its stem), so that a word still being typed is looked up by the first letters the index keeps of it.
        /// </summary>
        public static async Task<SearchSql> CreateAsync(VouchDbContext db, ReferenceCriteria criteria, CancellationToken ct)
        {
            if (!db.Database.IsNpgsql() || criteria.Words.Count == 0 || criteria.Among is not null)
            {
                return new SearchSql(db.Database.IsNpgsql(), criteria, lastWord: null);
            }
            var lexemes = await db.Database.SqlQueryRaw<string>(
                """SELECT unnest(tsvector_to_array(to_tsvector('english', {0}))) AS "Value" """, criteria.Words[^1]).ToListAsync(ct);
            return new SearchSql(postgres: true, criteria, lexemes.Count == 1 ? lexemes[0] : null);
        }

        /// <summary>The search's SQL; <paramref name="lastWord"/> is, on PostgreSQL, the lexeme of the last word (null for a stop word).</summary>
        private SearchSql(bool postgres, ReferenceCriteria criteria, string? lastWord)
        {
            (Postgres, _criteria) = (postgres, criteria);
            Words = postgres ? SearchText.ToTsQuery(criteria.Words) : SearchText.ToFts5(criteria.Words);
            FromIndex = Words is not null;
            if (FromIndex && postgres)
            {
                // Deleted contacts and contacts of deleted accounts have no facets, and so no entry in the index.
                _where = new StringBuilder();
                if (criteria.Among is not null)
                {
                    // Among a few contacts named by id (the stories near in meaning) each one's words are checked on its
                    // row: the facets first is a vector the index does not cover, so the planner cannot start from every match.
                    _where.Append($"(c.\"SearchFacets\" || c.\"SearchVector\") @@ {Query(Words!, SearchFacets.TsQuery(criteria))}");
                }
                else if (lastWord is not null && SearchFacets.WordStart(lastWord) is { } start)
                {
                    // The index finds the whole words before the last, the filters and the first letters of the last;
                    // the rows it finds are checked for the last word's whole prefix.
                    _where.Append($"(c.\"SearchVector\" || c.\"SearchFacets\") @@ {Query(SearchText.ToTsQueryWhole(criteria.Words.SkipLast(1)), SearchFacets.TsQuery(criteria, start))}");
                    _where.Append($" AND c.\"SearchVector\" @@ to_tsquery('english', {Parameter(Words!)})");
                }
                else
                {
                    _where.Append($"(c.\"SearchVector\" || c.\"SearchFacets\") @@ {Query(Words!, SearchFacets.TsQuery(criteria))}");
                }
                _named = Parameter(SearchText.ToTsQuery(criteria.Words, SearchText.NameAndTitleWeights)!);
            }
            else if (FromIndex)
            {
                // Deleted contacts and contacts of deleted accounts are not in the index.
                _where = new StringBuilder($"\"ContactSearch\" MATCH {Parameter(SearchFacets.Match(Words!, criteria, SearchFacets.TextColumns))}");
            }
            else
            {
                _where = new StringBuilder("c.\"DeletedAt\" IS NULL");
                if (criteria.FiltersAccounts)
                {
                    _where.Append(" AND a.\"DeletedAt\" IS NULL");
                }
                And("a.\"IndustryId\" = {0}", criteria.IndustryId);
                And("a.\"Segment\" = {0}", criteria.Segment?.ToString());
                And("a.\"Region\" = {0}", criteria.Region?.ToString());
                And("a.\"CountryCode\" = {0}", criteria.CountryCode);
                // The account's products and the contact's activities by their join tables' keys, without the account.
                And("EXISTS (SELECT 1 FROM \"AccountProducts\" AS ap WHERE ap.\"AccountId\" = c.\"AccountId\" AND ap.\"ProductsId\" = {0})", criteria.ProductId);
                And("EXISTS (SELECT 1 FROM \"ContactActivityTypes\" AS ca WHERE ca.\"ContactId\" = c.\"Id\" AND ca.\"AgreedActivitiesId\" = {0})", criteria.ActivityId);
                And("c.\"AdvocacyStage\" = {0}", criteria.Stage?.ToString());
                if (criteria.ConsentAtLeast is { } consent)
                {
                    _where.Append(consent == ConsentLevel.Written ? " AND c.\"Consent\" = 'Written'" : " AND c.\"Consent\" IN ('Verbal', 'Written')");
                }
            }
            if (!FromIndex || !SearchFacets.SizeIsWholeBands(criteria.EmployeesMin, criteria.EmployeesMax))
            {
                And("a.\"Employees\" >= {0}", criteria.EmployeesMin);
                And("a.\"Employees\" <= {0}", criteria.EmployeesMax);
            }
            And(postgres
                ? "EXISTS (SELECT 1 FROM unnest(a.\"CompetitorsReplaced\") AS r(name) WHERE lower(r.name) = lower({0}))"
                : "EXISTS (SELECT 1 FROM json_each(a.\"CompetitorsReplaced\") WHERE value = {0} COLLATE NOCASE)", criteria.Competitor);
            if (criteria.ConsentAtLeast is not null)
            {
                And("(c.\"ConsentExpiresOn\" IS NULL OR c.\"ConsentExpiresOn\" >= {0})", criteria.Today);
            }
            if (criteria.Among is { } among)
            {
                // SQLite keeps a Guid as its upper-case text.
                And(postgres ? "c.\"Id\" = ANY({0})" : "c.\"Id\" IN (SELECT value FROM json_each({0}))",
                    postgres ? among.ToArray() : JsonSerializer.Serialize(among.Select(id => id.ToString().ToUpperInvariant())));
            }
        }

        /// <summary>A tsquery of the <paramref name="words"/> (English) and the <paramref name="lexemes"/> (as they are), either of which may be missing.</summary>
        private string Query(string? words, string? lexemes) => (words, lexemes) switch
        {
            (null, _) => $"CAST({Parameter(lexemes!)} AS tsquery)",
            (_, null) => $"to_tsquery('english', {Parameter(words)})",
            _ => $"(to_tsquery('english', {Parameter(words)}) && CAST({Parameter(lexemes)} AS tsquery))",
        };

        /// <summary>The total, without the index: the accounts are read only when a condition needs them.</summary>
        public string Count() => $"SELECT COUNT(*) AS \"Value\" {From(withContacts: true, withAccounts: _criteria.FiltersAccounts)} WHERE {_where}";

        /// <summary>The filters that compare account columns the full-text index does not hold.</summary>
        private bool ReadsAccounts => _criteria.Competitor is not null ||
            !SearchFacets.SizeIsWholeBands(_criteria.EmployeesMin, _criteria.EmployeesMax);

        /// <summary>Whether a condition compares a column of the contact the full-text index does not hold.</summary>
        private bool ReadsContacts => ReadsAccounts || _criteria.ConsentAtLeast is not null || _criteria.Among is not null;

        /// <summary>
        /// Every match of a search with text as a <see cref="Match{TKey}"/>, in the order of its key: SQLite's index
        /// returns rowids in that order (so no sort); on PostgreSQL the rows are read anyway, and with them whether
        /// the words are in the name or title.
        /// </summary>
        public string Matches() => Postgres
            ? $"SELECT c.\"Id\" AS \"Key\", c.\"SearchVector\" @@ to_tsquery('english', {_named}) AS \"Named\" {IndexFromWhere} ORDER BY c.\"Id\""
            : $"SELECT \"ContactSearch\".rowid AS \"Key\", FALSE AS \"Named\" {IndexFromWhere} ORDER BY \"ContactSearch\".rowid";

        /// <summary>The rowids of every contact, deleted or not, with the words (<c>{0}</c>) in the name or title, on SQLite.</summary>
        public string NamedRowIds() => """SELECT rowid AS "Value" FROM "ContactNameSearch" WHERE "ContactNameSearch" MATCH {0}""";

        /// <summary>From the index, with the rows and accounts only where a condition needs them.</summary>
        private string IndexFromWhere =>
            $"{From(withContacts: ReadsContacts, withAccounts: ReadsAccounts)} WHERE {_where}";

        /// <summary>The keys as the one parameter (<c>{0}</c>) of <see cref="TextsByKeys"/> and <see cref="RowsByKeys"/>.</summary>
        public object KeysParameter<TKey>(IEnumerable<TKey> keys) => Postgres ? keys.ToArray() : JsonSerializer.Serialize(keys);

        /// <summary>The condition that the contact's key is one of the parameter's.</summary>
        private string KeyIsOneOf => Postgres ? "c.\"Id\" = ANY({0})" : "c.rowid IN (SELECT value FROM json_each({0}))";

        /// <summary>What <see cref="TextRank"/> reads of the contacts with these keys, as <c>RankedText</c>, in no order.</summary>
        public string TextsByKeys() => $"""
            SELECT {(Postgres ? "c.\"Id\"" : "c.rowid")} AS "Key", c."Id", c."FirstName", c."LastName", c."Title", c."UseCase", c."Results", c."Quotes"
            FROM "Contacts" AS c WHERE {KeyIsOneOf}
            """;

        /// <summary>The result rows of the contacts with these keys, in no order.</summary>
        public string RowsByKeys() => $$"""
            {{Select()}}
            FROM "Contacts" AS c JOIN "Accounts" AS a ON a."Id" = c."AccountId"
            LEFT JOIN "Industries" AS i ON i."Id" = a."IndustryId"
            WHERE {{KeyIsOneOf}}
            """;

        /// <summary>A page of a search without text, by name.</summary>
        public string Page(int skip, int take) => $"""
            {Select()}
            {From(withContacts: true, withAccounts: true)}
            LEFT JOIN "Industries" AS i ON i."Id" = a."IndustryId"
            WHERE {_where}
            ORDER BY c."LastName", c."FirstName", c."Id"
            LIMIT {take} OFFSET {skip}
            """;

        private string Select()
        {
            var activities = Postgres
                ? "(SELECT string_agg(t.\"Key\", ' ' ORDER BY t.\"SortOrder\") FROM \"ContactActivityTypes\" AS ca JOIN \"ActivityTypes\" AS t ON t.\"Id\" = ca.\"AgreedActivitiesId\" WHERE ca.\"ContactId\" = c.\"Id\")"
                : "(SELECT group_concat(k, ' ') FROM (SELECT t.\"Key\" AS k FROM \"ContactActivityTypes\" AS ca JOIN \"ActivityTypes\" AS t ON t.\"Id\" = ca.\"AgreedActivitiesId\" WHERE ca.\"ContactId\" = c.\"Id\" ORDER BY t.\"SortOrder\"))";
            // PostgreSQL has no rowid; the column is read only on SQLite.
            var rowId = Postgres ? "CAST(0 AS bigint)" : "c.rowid";
            return $"""
                SELECT {rowId} AS "RowId", c."Id", c."FirstName", c."LastName", c."Title", c."AccountId", a."Name" AS "Account", i."Name" AS "Industry",
                       a."Segment", a."Region", a."CountryCode" AS "Country", a."Employees", c."AdvocacyStage", c."Consent",
                       c."ConsentExpiresOn", {activities} AS "Activities", c."UseCase", c."Results", c."Quotes"
                """;
        }

        private string From(bool withContacts, bool withAccounts)
        {
            var fromSqliteIndex = FromIndex && !Postgres;
            var from = new StringBuilder(fromSqliteIndex ? "FROM \"ContactSearch\"" : "FROM \"Contacts\" AS c");
            if (fromSqliteIndex && withContacts)
            {
                from.Append(" JOIN \"Contacts\" AS c ON c.rowid = \"ContactSearch\".rowid");
            }
            if (withAccounts)
            {
                from.Append(" JOIN \"Accounts\" AS a ON a.\"Id\" = c.\"AccountId\"");
            }
            return from.ToString();
        }

        private void And(string condition, object? value)
        {
            if (value is not null)
            {
                _where.Append(" AND ").Append(condition.Replace("{0}", Parameter(value), StringComparison.Ordinal));
            }
        }

        private string Parameter(object value)
        {
            Parameters.Add(value);
            return $"{{{Parameters.Count - 1}}}";
        }
    }
}
