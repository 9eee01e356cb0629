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
        var sql = new SearchSql(db.Database.IsNpgsql(), criteria);
        if (sql.FromIndex)
        {
            // One pass over the index reads every match: their number is the total, and they are what the page is cut from.
            var matches = await MatchesAsync(db, sql, ct);
            var shown = (await OrderAsync(db, sql, criteria.Words, matches, ct)).Skip(skip).Take(take).ToList();
            var found = await RowsAsync(db, sql, shown, ct);
            return ([.. found.Select(r => r.ToSummary(criteria.Today))], matches.Count);
        }
        var total = await db.Database.SqlQueryRaw<int>(sql.Count(), [.. sql.Parameters]).ToListAsync(ct);
        var rows = take == 0 ? [] : await db.Database.SqlQueryRaw<ReferenceRow>(sql.Page(skip, take), [.. sql.Parameters]).ToListAsync(ct);
        return ([.. rows.Select(r => r.ToSummary(criteria.Today))], total.Single());
    }

    /// <summary>The matches' rowids, best first: by <see cref="TextRank"/>, then by name.</summary>
    private static async Task<List<long>> RankAsync(VouchDbContext db, IReadOnlyList<string> words, List<long> matches, CancellationToken ct)
    {
        var texts = await db.Database.SqlQueryRaw<RankedText>(
            """
            SELECT rowid AS "RowId", "Id", "FirstName", "LastName", "Title", "UseCase", "Results", "Quotes"
            FROM "Contacts" WHERE rowid IN (SELECT value FROM json_each({0}))
            """, JsonSerializer.Serialize(matches)).ToListAsync(ct);
        var rank = new TextRank(words);
        return [.. texts
            .Select(t => (t.RowId, t.LastName, t.FirstName, t.Id,
                Score: rank.Score($"{t.FirstName} {t.LastName}", t.Title, string.Join(' ', t.UseCase, t.Results, t.Quotes))))
            .OrderByDescending(t => t.Score).ThenBy(t => t.LastName, StringComparer.Ordinal).ThenBy(t => t.FirstName, StringComparer.Ordinal).ThenBy(t => t.Id)
            .Select(t => t.RowId)];
    }

    /// <summary>The rowids of every match on SQLite with text, in ascending order.</summary>
    private static Task<List<long>> MatchesAsync(VouchDbContext db, SearchSql sql, CancellationToken ct) =>
        db.Database.SqlQueryRaw<long>(sql.RowIds(), [.. sql.Parameters]).ToListAsync(ct);

    /// <summary>
    /// The matches in the order the search lists them, which the page and the export share: at most
    /// <see cref="RankedHereAtMost"/> are ranked by <see cref="TextRank"/>, more in the order of <see cref="BroadOrderAsync"/>.
    /// </summary>
    private static async Task<IEnumerable<long>> OrderAsync(
        VouchDbContext db, SearchSql sql, IReadOnlyList<string> words, List<long> matches, CancellationToken ct) =>
        matches.Count <= RankedHereAtMost
            ? await RankAsync(db, words, matches, ct)
            : await BroadOrderAsync(db, sql, words, matches, ct);

    /// <summary>
    /// A broad search, best first without reading the text of every match: those with the words in the name or title
    /// (from the narrow index of names and titles, ranked by <see cref="TextRank"/>), then the rest of
    /// <paramref name="matches"/>, the most recently added first. bm25 would read the whole list of every word and
    /// filter token instead. The rest is listed lazily, so a page reads only as far as it goes.
    /// </summary>
    private static async Task<IEnumerable<long>> BroadOrderAsync(
        VouchDbContext db, SearchSql sql, IReadOnlyList<string> words, List<long> matches, CancellationToken ct)
    {
        // The narrow index of names and titles lists every contact with the words there; the matches are among them.
        var named = await db.Database.SqlQueryRaw<long>(sql.NamedRowIds(), sql.Words!).ToListAsync(ct);
        var matched = matches.ToHashSet();
        var first = await RankAsync(db, words, [.. named.Where(matched.Contains)], ct);
        var seen = first.ToHashSet();
        // The index returns rowids in ascending order, and a contact's rowid grows with when it was added.
        var newest = Enumerable.Range(0, matches.Count).Select(i => matches[matches.Count - 1 - i]).Where(id => !seen.Contains(id));
        return first.Concat(newest);
    }

    /// <summary>The result rows of these rowids, in their order.</summary>
    private static async Task<List<ReferenceRow>> RowsAsync(VouchDbContext db, SearchSql sql, IReadOnlyCollection<long> rowIds, CancellationToken ct)
    {
        var byRowId = (await db.Database.SqlQueryRaw<ReferenceRow>(sql.ByRowIds(), JsonSerializer.Serialize(rowIds)).ToListAsync(ct))
            .ToDictionary(r => r.RowId);
        return [.. rowIds.Select(id => byRowId[id])];
    }

    private sealed record RankedText(long RowId, Guid Id, string FirstName, string LastName, string? Title, string? UseCase, string? Results, string? Quotes);

    /// <summary>
    /// Every matching reference in the order the search's pages list them, read as it is written out. On SQLite with
    /// text that order is worked out here (<see cref="OrderAsync"/>), and the rows are read a slice at a time.
    /// </summary>
    public static async IAsyncEnumerable<ReferenceExportRow> StreamAsync(
        this VouchDbContext db, ReferenceCriteria criteria, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var sql = new SearchSql(db.Database.IsNpgsql(), criteria);
        if (sql.FromIndex)
        {
            var matches = await MatchesAsync(db, sql, ct);
            foreach (var slice in (await OrderAsync(db, sql, criteria.Words, matches, ct)).Take(ExportMaxRows).Chunk(ExportSlice))
            {
                foreach (var row in await RowsAsync(db, sql, slice, ct))
                {
                    yield return row.ToExportRow(criteria.Today);
                }
            }
            yield break;
        }
        await foreach (var row in db.Database.SqlQueryRaw<ReferenceRow>(sql.Page(0, ExportMaxRows), [.. sql.Parameters]).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row.ToExportRow(criteria.Today);
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
    /// On SQLite a search with text starts from the FTS5 index, which also holds a token per filter
    /// value (<see cref="SearchFacets"/>): the words and the filters are one intersection inside the
    /// index, and only the filters it cannot hold (size, competitor, consent expiry) read the rows.
    /// </summary>
    private sealed class SearchSql
    {
        private readonly bool _postgres;
        private readonly ReferenceCriteria _criteria;
        private readonly StringBuilder _where;
        private readonly string? _text;
        private readonly string? _textPlaceholder;

        private readonly bool _fromIndex;

        public List<object> Parameters { get; } = [];

        /// <summary>True when the search starts from SQLite's full-text index, filters included.</summary>
        public bool FromIndex => _fromIndex;

        /// <summary>The words as a full-text query, without the filters.</summary>
        public string? Words => _text;

        public SearchSql(bool postgres, ReferenceCriteria criteria)
        {
            (_postgres, _criteria) = (postgres, criteria);
            _text = postgres ? SearchText.ToTsQuery(criteria.Words) : SearchText.ToFts5(criteria.Words);
            _fromIndex = !postgres && _text is not null;
            if (_fromIndex)
            {
                // Deleted contacts and contacts of deleted accounts are not in the index.
                _textPlaceholder = Parameter(SearchFacets.Match(_text!, criteria, SearchFacets.TextColumns));
                _where = new StringBuilder($"\"ContactSearch\" MATCH {_textPlaceholder}");
            }
            else
            {
                _where = new StringBuilder("c.\"DeletedAt\" IS NULL");
                if (_text is not null)
                {
                    _textPlaceholder = Parameter(_text);
                    _where.Append($" AND c.\"SearchVector\" @@ to_tsquery('english', {_textPlaceholder})");
                }
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
            if (!_fromIndex || !SearchFacets.SizeIsWholeBands(criteria.EmployeesMin, criteria.EmployeesMax))
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

        /// <summary>The total, without the index: the accounts are read only when a condition needs them.</summary>
        public string Count() => $"SELECT COUNT(*) AS \"Value\" {From(withContacts: true, withAccounts: _criteria.FiltersAccounts)} WHERE {_where}";

        /// <summary>The filters that compare account columns the full-text index does not hold.</summary>
        private bool ReadsAccounts => _criteria.Competitor is not null ||
            !SearchFacets.SizeIsWholeBands(_criteria.EmployeesMin, _criteria.EmployeesMax);

        /// <summary>The rowids of the matches, on SQLite with text, in ascending order (the index's own, so no sort).</summary>
        public string RowIds() =>
            $"SELECT \"ContactSearch\".rowid AS \"Value\" {IndexFromWhere} ORDER BY \"ContactSearch\".rowid";

        /// <summary>Whether a condition compares a column of the contact the full-text index does not hold.</summary>
        private bool ReadsContacts => ReadsAccounts || _criteria.ConsentAtLeast is not null || _criteria.Among is not null;

        /// <summary>The rowids of every contact, deleted or not, with the words (<c>{0}</c>) in the name or title.</summary>
        public string NamedRowIds() => """SELECT rowid AS "Value" FROM "ContactNameSearch" WHERE "ContactNameSearch" MATCH {0}""";

        /// <summary>From the index, with the rows and accounts only where a condition needs them.</summary>
        private string IndexFromWhere =>
            $"{From(withContacts: ReadsContacts, withAccounts: ReadsAccounts)} WHERE {_where}";

        /// <summary>The result rows of the rowids in the JSON array <c>{0}</c>, in no order.</summary>
        public string ByRowIds() => $$"""
            {{Select()}}
            FROM "Contacts" AS c JOIN "Accounts" AS a ON a."Id" = c."AccountId"
            LEFT JOIN "Industries" AS i ON i."Id" = a."IndustryId"
            WHERE c.rowid IN (SELECT value FROM json_each({0}))
            """;

        /// <summary>A page without SQLite's full-text index: by name, or on PostgreSQL with text by its rank first.</summary>
        public string Page(int skip, int take)
        {
            const string byName = "c.\"LastName\", c.\"FirstName\", c.\"Id\"";
            var order = _text is null ? byName : $"ts_rank(c.\"SearchVector\", to_tsquery('english', {_textPlaceholder})) DESC, {byName}";
            return $"""
                {Select()}
                {From(withContacts: true, withAccounts: true)}
                LEFT JOIN "Industries" AS i ON i."Id" = a."IndustryId"
                WHERE {_where}
                ORDER BY {order}
                LIMIT {take} OFFSET {skip}
                """;
        }

        private string Select()
        {
            var activities = _postgres
                ? "(SELECT string_agg(t.\"Key\", ' ' ORDER BY t.\"SortOrder\") FROM \"ContactActivityTypes\" AS ca JOIN \"ActivityTypes\" AS t ON t.\"Id\" = ca.\"AgreedActivitiesId\" WHERE ca.\"ContactId\" = c.\"Id\")"
                : "(SELECT group_concat(k, ' ') FROM (SELECT t.\"Key\" AS k FROM \"ContactActivityTypes\" AS ca JOIN \"ActivityTypes\" AS t ON t.\"Id\" = ca.\"AgreedActivitiesId\" WHERE ca.\"ContactId\" = c.\"Id\" ORDER BY t.\"SortOrder\"))";
            // PostgreSQL has no rowid; the column is read only on SQLite.
            var rowId = _postgres ? "CAST(0 AS bigint)" : "c.rowid";
            return $"""
                SELECT {rowId} AS "RowId", c."Id", c."FirstName", c."LastName", c."Title", c."AccountId", a."Name" AS "Account", i."Name" AS "Industry",
                       a."Segment", a."Region", a."CountryCode" AS "Country", a."Employees", c."AdvocacyStage", c."Consent",
                       c."ConsentExpiresOn", {activities} AS "Activities", c."UseCase", c."Results", c."Quotes"
                """;
        }

        private string From(bool withContacts, bool withAccounts)
        {
            var from = new StringBuilder(_fromIndex ? "FROM \"ContactSearch\"" : "FROM \"Contacts\" AS c");
            if (_fromIndex && withContacts)
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
