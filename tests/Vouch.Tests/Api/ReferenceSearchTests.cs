using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Contacts;
using Vouch.Features.Search;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

/// <summary>
/// The reference search over a small inventory of its own: every test marks its accounts with a
/// competitor name nobody else uses, so the filter "competitor" isolates its rows.
/// </summary>
public sealed class ReferenceSearchTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewTag() => "Rival" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Filters_combine_to_exactly_the_matching_references()
    {
        var tag = NewTag();
        await SeedInventoryAsync(tag);
        using var seller = await app.ClientForAsync(Roles.Seller);

        async Task<string[]> Names(string query) =>
            [.. (await seller.GetFromJsonAsync<Paged<ReferenceSummary>>($"/api/v1/references?competitor={tag}&{query}", Ct))!.Items.Select(r => r.Name)];

        Assert.Equal(["Ada Baker", "Bea Clark", "Cem Demir", "Dora Evans", "Eli Fox"], await Names(""));
        Assert.Equal(["Ada Baker", "Bea Clark"], await Names("industry=Banking"));
        Assert.Equal(["Bea Clark"], await Names("industry=banking&stage=Advocate&consent=Written"));
        // Verbal means at least verbal, and consent past its expiry does not count.
        Assert.Equal(["Bea Clark", "Cem Demir"], await Names("consent=Verbal"));
        Assert.Equal(["Ada Baker", "Bea Clark", "Eli Fox"], await Names("country=Germany&region=Emea&segment=Enterprise"));
        Assert.Equal(["Cem Demir", "Dora Evans"], await Names("employeesMin=50&employeesMax=500"));
        Assert.Equal(["Ada Baker", "Bea Clark", "Eli Fox"], await Names("employeesMin=1000"));
        Assert.Equal(["Bea Clark", "Cem Demir"], await Names("activity=reference-call"));
        Assert.Equal(["Cem Demir", "Dora Evans"], await Names($"product=Search Product {tag}"));
        Assert.Equal(["Bea Clark"], await Names("activity=case-study&stage=advocate&industry=Banking"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("industry=Banking")]
    [InlineData("industry=banking&stage=Advocate&consent=Written")]
    [InlineData("consent=Verbal")]
    [InlineData("country=Germany&region=Emea&segment=Enterprise")]
    [InlineData("employeesMin=50&employeesMax=500")]
    [InlineData("employeesMin=201&employeesMax=1000")]
    [InlineData("employeesMin=1000")]
    [InlineData("employeesMax=10000")]
    [InlineData("activity=reference-call")]
    [InlineData("activity=case-study&stage=advocate&industry=Banking")]
    public async Task Free_text_with_filters_finds_exactly_what_the_filters_find_among_the_matching_words(string query)
    {
        var tag = NewTag();
        await SeedInventoryAsync(tag);
        var word = await MarkEveryContactAsync(tag);
        using var seller = await app.ClientForAsync(Roles.Seller);

        Assert.Equal(await NamesAsync(seller, tag, query), await NamesAsync(seller, tag, $"{query}&q={word}"));
        Assert.Equal(await NamesAsync(seller, tag, $"{query}&product=Search Product {tag}"),
            await NamesAsync(seller, tag, $"{query}&product=Search Product {tag}&q={word}"));
    }

    [Fact]
    public async Task Changes_to_contacts_accounts_and_their_lists_reach_the_text_search_at_once()
    {
        var tag = NewTag();
        await SeedInventoryAsync(tag);
        var word = await MarkEveryContactAsync(tag);
        using var seller = await app.ClientForAsync(Roles.Seller);
        Task<string[]> Names(string query) => NamesAsync(seller, tag, $"{query}&q={word}");

        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var retail = await db.Industries.SingleAsync(i => i.Key == "retail", Ct);
            var caseStudy = await db.ActivityTypes.SingleAsync(t => t.Key == "case-study", Ct);
            var product = await db.Products.SingleAsync(p => p.Name == $"Search Product {tag}", Ct);
            var works = await db.Accounts.Include(a => a.Products).SingleAsync(a => a.Name == $"Stahlwerk {tag}", Ct);
            var nordbank = await db.Accounts.SingleAsync(a => a.Name == $"Nordbank {tag}", Ct);
            var eli = await db.Contacts.Include(c => c.AgreedActivities).SingleAsync(c => c.AccountId == works.Id && c.FirstName == "Eli", Ct);
            var cem = await db.Contacts.SingleAsync(c => c.FirstName == "Cem" && c.Account!.Name == $"Shopwise {tag}", Ct);
            nordbank.Industry = retail;
            nordbank.Employees = 40;
            works.Products.Add(product);
            eli.AgreedActivities.Add(caseStudy);
            eli.AdvocacyStage = AdvocacyStage.Advocate;
            cem.DeletedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(["Ada Baker", "Bea Clark", "Dora Evans"], await Names("industry=retail"));
        Assert.Equal(["Ada Baker", "Bea Clark"], await Names("employeesMax=50"));
        Assert.Equal(["Dora Evans", "Eli Fox"], await Names($"product=Search Product {tag}"));
        Assert.Equal(["Bea Clark", "Eli Fox"], await Names("activity=case-study&stage=Advocate"));

        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var cem = await db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.FirstName == "Cem" && c.Account!.Name == $"Shopwise {tag}", Ct);
            var works = await db.Accounts.SingleAsync(a => a.Name == $"Stahlwerk {tag}", Ct);
            cem.DeletedAt = null;
            works.DeletedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(["Ada Baker", "Bea Clark", "Cem Demir", "Dora Evans"], await Names(""));
    }

    /// <summary>The names found, in alphabetical order: with text the order is the relevance, which these tests leave alone.</summary>
    private static async Task<string[]> NamesAsync(HttpClient client, string tag, string query) =>
        [.. (await client.GetFromJsonAsync<Paged<ReferenceSummary>>($"/api/v1/references?competitor={tag}&{query}", Ct))!.Items.Select(r => r.Name).Order()];

    /// <summary>Gives every contact of the tag's accounts one more word in the title, a word nobody else has.</summary>
    private async Task<string> MarkEveryContactAsync(string tag)
    {
        var word = "mark" + tag.ToLowerInvariant();
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            foreach (var contact in await db.Contacts.Where(c => c.Account!.Name.EndsWith(tag)).ToListAsync(Ct))
            {
                contact.Title = $"{contact.Title} {word}";
            }
            await db.SaveChangesAsync(Ct);
        });
        return word;
    }

    [Fact]
    public async Task A_result_carries_the_account_the_agreement_and_an_excerpt_of_the_story()
    {
        var tag = NewTag();
        await SeedInventoryAsync(tag);
        using var seller = await app.ClientForAsync(Roles.Seller);

        var page = (await seller.GetFromJsonAsync<Paged<ReferenceSummary>>($"/api/v1/references?competitor={tag}&stage=Advocate", Ct))!;

        var bea = Assert.Single(page.Items);
        Assert.Equal(("Bea Clark", "Head of Payments", $"Nordbank {tag}", "Banking", "Enterprise", "Emea", "DE", 5200, "Advocate", "Written"),
            (bea.Name, bea.Title, bea.Account, bea.Industry, bea.Segment, bea.Region, bea.Country, bea.Employees, bea.Stage, bea.Consent));
        Assert.Equal(["reference-call", "case-study"], bea.Activities);
        Assert.Equal("Cut onboarding of new merchants from six weeks to four days.", bea.Excerpt);
    }

    [Fact]
    public async Task Free_text_finds_stemmed_words_and_words_still_being_typed_in_story_title_and_name()
    {
        var tag = NewTag();
        await SeedInventoryAsync(tag);
        using var seller = await app.ClientForAsync(Roles.Seller);

        async Task<string[]> Names(string q) =>
            [.. (await seller.GetFromJsonAsync<Paged<ReferenceSummary>>($"/api/v1/references?competitor={tag}&q={Uri.EscapeDataString(q)}", Ct))!.Items.Select(r => r.Name)];

        // "integrations" stems to the same word as "integration" in Cem's use case.
        Assert.Equal(["Cem Demir"], await Names("integrations"));
        // A word half typed.
        Assert.Equal(["Bea Clark"], await Names("onboar"));
        Assert.Equal(["Bea Clark"], await Names("merchant onb"));
        // Title and name.
        Assert.Equal(["Dora Evans"], await Names("procurement"));
        Assert.Equal(["Eli Fox"], await Names("fox"));
        // Every word must match; punctuation is no syntax.
        Assert.Empty(await Names("onboarding integration"));
        Assert.Equal(["Bea Clark"], await Names("\"onboarding\") \"merchants*"));
    }

    [Fact]
    public async Task Only_the_last_word_is_taken_as_half_typed_and_never_for_a_filter()
    {
        var tag = NewTag();
        await SeedInventoryAsync(tag);
        using var seller = await app.ClientForAsync(Roles.Seller);

        async Task<string[]> Names(string q) =>
            [.. (await seller.GetFromJsonAsync<Paged<ReferenceSummary>>($"/api/v1/references?competitor={tag}&stage=Advocate&q={Uri.EscapeDataString(q)}", Ct))!.Items.Select(r => r.Name)];

        // Three, four and five letters of "merchants" and "payments", and the whole word before them.
        Assert.Equal(["Bea Clark"], await Names("mer"));
        Assert.Equal(["Bea Clark"], await Names("merc"));
        Assert.Equal(["Bea Clark"], await Names("payments merch"));
        Assert.Empty(await Names("pay merchants"));
        // The index's own tokens for filters and word starts are no words, typed whole or in part.
        foreach (var word in new[] { "stg", "stgadvocate", "con", "reg", "pfx", "prd", "act" })
        {
            Assert.Empty(await Names(word));
        }
    }

    [Fact]
    public async Task With_free_text_the_best_match_comes_first()
    {
        var tag = NewTag();
        await SeedInventoryAsync(tag);
        using var seller = await app.ClientForAsync(Roles.Seller);

        var page = (await seller.GetFromJsonAsync<Paged<ReferenceSummary>>($"/api/v1/references?competitor={tag}&q=payments", Ct))!;

        // Dora's quote mentions payments once; Bea has it in her title and twice in her story.
        Assert.Equal(["Bea Clark", "Dora Evans"], page.Items.Select(r => r.Name));
    }

    [Fact]
    public async Task The_export_of_a_text_search_lists_the_references_in_the_order_of_its_pages()
    {
        var tag = NewTag();
        var word = "order" + tag.ToLowerInvariant();
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var account = new Account { Name = $"Orderly {tag}", CompetitorsReplaced = [tag] };
            // The word once in each story: the same relevance, so the pages list them by name. A ranking that weighs the
            // length of the story (bm25) would put the short one first.
            db.Contacts.AddRange(
                new Contact { Account = account, FirstName = "Zed", LastName = "Young", UseCase = $"We chose {word}." },
                new Contact
                {
                    Account = account, FirstName = "Amy", LastName = "Long",
                    UseCase = $"Before {word} our sellers kept their references in spreadsheets, asked the same customers again and again and could never say which deals the references helped to win.",
                },
                new Contact { Account = account, FirstName = "Max", LastName = "Titled", Title = $"Head of {word}" });
            await db.SaveChangesAsync(Ct);
        });
        using var seller = await app.ClientForAsync(Roles.Seller);

        var page = (await seller.GetFromJsonAsync<Paged<ReferenceSummary>>($"/api/v1/references?competitor={tag}&q={word}", Ct))!;
        var exported = await ExportedNamesAsync(seller, $"competitor={tag}&q={word}");

        Assert.Equal(["Max Titled", "Amy Long", "Zed Young"], page.Items.Select(r => r.Name));
        Assert.Equal(page.Items.Select(r => r.Name), exported);
    }

    [Fact]
    public async Task A_broad_search_lists_name_matches_then_title_matches_then_the_rest()
    {
        var tag = NewTag();
        var word = "broad" + tag.ToLowerInvariant();
        var many = ReferenceSearch.RankedHereAtMost + 10;
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var account = new Account { Name = $"Broadway {tag}", CompetitorsReplaced = [tag] };
            db.Contacts.AddRange(Enumerable.Range(0, many).Select(i => new Contact
            {
                Account = account, FirstName = "Story", LastName = $"Teller{i:D4}", UseCase = $"We use {word} every day.",
            }));
            db.Contacts.Add(new Contact { Account = account, FirstName = "Titled", LastName = "Person", Title = $"Head of {word}" });
            db.Contacts.Add(new Contact { Account = account, FirstName = "Named", LastName = word });
            await db.SaveChangesAsync(Ct);
        });
        using var seller = await app.ClientForAsync(Roles.Seller);

        var first = (await seller.GetFromJsonAsync<Paged<ReferenceSummary>>($"/api/v1/references?competitor={tag}&q={word}&pageSize=5", Ct))!;
        var last = (await seller.GetFromJsonAsync<Paged<ReferenceSummary>>($"/api/v1/references?competitor={tag}&q={word}&pageSize=5&page={(many + 2 + 4) / 5}", Ct))!;

        Assert.Equal(many + 2, first.Total);
        Assert.Equal([$"Named {word}", "Titled Person"], first.Items.Take(2).Select(r => r.Name));
        Assert.All(first.Items.Skip(2).Concat(last.Items), r => Assert.StartsWith("Story Teller", r.Name, StringComparison.Ordinal));

        var pages = new List<string>();
        for (var number = 1; number <= (first.Total + 199) / 200; number++)
        {
            var next = (await seller.GetFromJsonAsync<Paged<ReferenceSummary>>($"/api/v1/references?competitor={tag}&q={word}&pageSize=200&page={number}", Ct))!;
            pages.AddRange(next.Items.Select(r => r.Name));
        }
        Assert.Equal(pages, await ExportedNamesAsync(seller, $"competitor={tag}&q={word}"));

        // A new title reaches the index of names and titles at once.
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            (await db.Contacts.SingleAsync(c => c.LastName == "Teller0007" && c.Account!.Name == $"Broadway {tag}", Ct)).Title = $"Chief {word}";
            await db.SaveChangesAsync(Ct);
        });
        var retitled = (await seller.GetFromJsonAsync<Paged<ReferenceSummary>>($"/api/v1/references?competitor={tag}&q={word}&pageSize=5", Ct))!;
        Assert.Equal([$"Named {word}", "Story Teller0007", "Titled Person"], retitled.Items.Take(3).Select(r => r.Name));
    }

    [Fact]
    public async Task Pages_are_counted_over_all_matches()
    {
        var tag = NewTag();
        await SeedInventoryAsync(tag);
        using var seller = await app.ClientForAsync(Roles.Seller);

        var second = (await seller.GetFromJsonAsync<Paged<ReferenceSummary>>($"/api/v1/references?competitor={tag}&page=2&pageSize=2", Ct))!;
        var last = (await seller.GetFromJsonAsync<Paged<ReferenceSummary>>($"/api/v1/references?competitor={tag}&page=3&pageSize=2", Ct))!;

        Assert.Equal((5, 2, 2), (second.Total, second.Page, second.PageSize));
        Assert.Equal(["Cem Demir", "Dora Evans"], second.Items.Select(r => r.Name));
        Assert.Equal(["Eli Fox"], last.Items.Select(r => r.Name));
    }

    [Fact]
    public async Task Deleted_contacts_and_contacts_of_deleted_accounts_are_never_found()
    {
        var tag = NewTag();
        await SeedInventoryAsync(tag);
        using var seller = await app.ClientForAsync(Roles.Seller);

        var page = (await seller.GetFromJsonAsync<Paged<ReferenceSummary>>($"/api/v1/references?q=ghost&competitor={tag}", Ct))!;
        var gone = (await seller.GetFromJsonAsync<Paged<ReferenceSummary>>($"/api/v1/references?q=Gone{tag}", Ct))!;

        Assert.Equal(0, page.Total);
        Assert.Equal(0, gone.Total);
    }

    [Fact]
    public async Task A_seller_sees_no_email_phone_or_notes()
    {
        var tag = NewTag();
        await SeedInventoryAsync(tag);
        using var seller = await app.ClientForAsync(Roles.Seller);

        using var response = await seller.GetAsync($"/api/v1/references?competitor={tag}&stage=Advocate", Ct);
        var json = await response.Content.ReadAsStringAsync(Ct);
        var item = JsonDocument.Parse(json).RootElement.GetProperty("items")[0];

        Assert.Equal(
            ["id", "name", "title", "accountId", "account", "industry", "segment", "region", "country", "employees", "stage", "consent", "activities", "excerpt", "foundByMeaning"],
            item.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("bea@nordbank.example", json, StringComparison.Ordinal);
        Assert.DoesNotContain("+49 30 1234567", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("industry=Mining", "industry")]
    [InlineData("segment=Huge", "segment")]
    [InlineData("region=Mars", "region")]
    [InlineData("country=Atlantis", "country")]
    [InlineData("stage=Hero", "stage")]
    [InlineData("stage=1", "stage")]
    [InlineData("activity=skydiving", "activity")]
    [InlineData("product=nothing-we-sell", "product")]
    [InlineData("consent=None", "consent")]
    [InlineData("consent=maybe", "consent")]
    [InlineData("employeesMin=500&employeesMax=100", "employeesMin")]
    [InlineData("employeesMin=-1", "employeesMin")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task A_filter_that_names_nothing_is_a_validation_problem(string query, string field)
    {
        using var seller = await app.ClientForAsync(Roles.Seller);

        using var response = await seller.GetAsync($"/api/v1/references?{query}", Ct);
        using var export = await seller.GetAsync($"/api/v1/references/export.csv?{query}", Ct);

        await response.AssertValidationProblemAsync(field);
        if (field is not ("page" or "pageSize"))
        {
            await export.AssertValidationProblemAsync(field);
        }
    }

    [Fact]
    public async Task The_csv_export_has_a_header_and_exactly_the_filtered_rows()
    {
        var tag = NewTag();
        await SeedInventoryAsync(tag);
        using var seller = await app.ClientForAsync(Roles.Seller);

        using var response = await seller.GetAsync($"/api/v1/references/export.csv?competitor={tag}&industry=Banking", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^references-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        foreach (var row in csv)
        {
            rows.Add(row.ToArray());
        }
        Assert.Equal(ReferenceExport.Columns, rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.Equal(
            ["Ada Baker", "CFO", $"Nordbank {tag}", "Banking", "Enterprise", "Emea", "DE", "5200", "Customer", "None", "", "", "", ""],
            rows[1]);
        Assert.Equal(
            ["Bea Clark", "Head of Payments", $"Nordbank {tag}", "Banking", "Enterprise", "Emea", "DE", "5200", "Advocate", "Written",
             "reference-call case-study", "Payments for merchants across Europe.", "Cut onboarding of new merchants from six weeks to four days.",
             "'=HYPERLINK(\"http://evil.example\",\"Payments made simple\")"],
            rows[2]);
    }

    [Fact]
    public async Task The_excel_export_reads_back_as_the_same_rows_with_formulas_as_plain_text()
    {
        var tag = NewTag();
        await SeedInventoryAsync(tag);
        using var seller = await app.ClientForAsync(Roles.Seller);

        using var response = await seller.GetAsync($"/api/v1/references/export.xlsx?competitor={tag}&industry=Banking", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReferenceExport.ExcelContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^references-\d{4}-\d{2}-\d{2}\.xlsx$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var rows = (await file.QueryAsync(useHeaderRow: true, cancellationToken: Ct)).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(ReferenceExport.Columns, rows[0].Keys);
        Assert.Equal(
            [("Ada Baker", "Customer", (object?)null), ("Bea Clark", "Advocate", "=HYPERLINK(\"http://evil.example\",\"Payments made simple\")")],
            rows.Select(r => ((string)r["Name"]!, (string)r["Advocacy stage"]!, r["Quotes"])));
        Assert.Equal(5200, Convert.ToInt32(rows[1]["Employees"], System.Globalization.CultureInfo.InvariantCulture));
        // The quote is a text cell: the sheet has no formula for Excel to run.
        file.Position = 0;
        using var zip = new ZipArchive(file, ZipArchiveMode.Read);
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync(Ct);
        Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<x:f>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_shows_the_count_and_what_a_seller_may_see()
    {
        var tag = NewTag();
        await SeedInventoryAsync(tag);
        using var seller = await app.ClientForAsync(Roles.Seller);

        var html = await seller.GetStringAsync($"/references?competitor={tag}&industry=banking", Ct);
        var partial = await PartialAsync(seller, $"/references?competitor={tag}&stage=Advocate");

        Assert.Contains("2 references", html, StringComparison.Ordinal);
        Assert.Contains("Bea Clark", html, StringComparison.Ordinal);
        Assert.Contains("Export CSV", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bea@nordbank.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("+49 30 1234567", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", partial, StringComparison.Ordinal);
        Assert.Contains("1 reference<", partial, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executives_search_but_are_offered_no_export()
    {
        using var executive = await app.ClientForAsync(Roles.Executive);

        var html = await executive.GetStringAsync("/references", Ct);

        Assert.Contains("data-testid=\"reference-count\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Export CSV", html, StringComparison.Ordinal);
    }

    /// <summary>The names in a CSV export, in its order.</summary>
    private static async Task<List<string>> ExportedNamesAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/references/export.csv?{query}", Ct);
        response.EnsureSuccessStatusCode();
        using var csv = CsvReader.Create(await response.Content.ReadAsByteArrayAsync(Ct));
        var names = new List<string>();
        foreach (var row in csv)
        {
            names.Add(row.ToArray()[0]);
        }
        return names;
    }

    private static async Task<string> PartialAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Target", "results");
        using var response = await client.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>
    /// Three accounts that replaced <paramref name="tag"/>, five live contacts, one deleted contact and
    /// one contact at a deleted account.
    /// </summary>
    private Task SeedInventoryAsync(string tag) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var industries = await db.Industries.ToDictionaryAsync(i => i.Key, Ct);
        var activities = await db.ActivityTypes.ToDictionaryAsync(t => t.Key, Ct);
        var product = new Product { Key = Keys.FromName($"Search Product {tag}"), Name = $"Search Product {tag}" };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var nordbank = new Account
        {
            Name = $"Nordbank {tag}", Industry = industries["banking"], Segment = Segment.Enterprise, Region = Region.Emea,
            CountryCode = "DE", Employees = 5200, CompetitorsReplaced = [tag],
        };
        var shop = new Account
        {
            Name = $"Shopwise {tag}", Industry = industries["retail"], Segment = Segment.MidMarket, Region = Region.NorthAmerica,
            CountryCode = "US", Employees = 300, CompetitorsReplaced = ["Spreadsheet", tag], Products = [product],
        };
        var works = new Account
        {
            Name = $"Stahlwerk {tag}", Industry = industries["manufacturing"], Segment = Segment.Enterprise, Region = Region.Emea,
            CountryCode = "DE", Employees = 12000, CompetitorsReplaced = [tag.ToUpperInvariant()],
        };
        var closed = new Account { Name = $"Closed {tag}", CompetitorsReplaced = [tag], DeletedAt = DateTimeOffset.UtcNow };
        db.AddRange(product, nordbank, shop, works, closed);
        db.Contacts.AddRange(
            new Contact { Account = nordbank, FirstName = "Ada", LastName = "Baker", Title = "CFO", Email = "ada@nordbank.example" },
            new Contact
            {
                Account = nordbank, FirstName = "Bea", LastName = "Clark", Title = "Head of Payments", Email = "bea@nordbank.example",
                Phone = "+49 30 1234567", AdvocacyStage = AdvocacyStage.Advocate, Consent = ConsentLevel.Written, ConsentGivenOn = today.AddDays(-30),
                AgreedActivities = [activities["reference-call"], activities["case-study"]],
                UseCase = "Payments for merchants across Europe.",
                Results = "Cut onboarding of new merchants from six weeks to four days.",
                Quotes = "=HYPERLINK(\"http://evil.example\",\"Payments made simple\")",
            },
            new Contact
            {
                Account = shop, FirstName = "Cem", LastName = "Demir", Title = "CTO", AdvocacyStage = AdvocacyStage.Promoter,
                Consent = ConsentLevel.Verbal, ConsentExpiresOn = today.AddDays(10), AgreedActivities = [activities["reference-call"]],
                UseCase = "One integration with every store system we run.",
            },
            new Contact
            {
                Account = shop, FirstName = "Dora", LastName = "Evans", Title = "Procurement Lead", AdvocacyStage = AdvocacyStage.Promoter,
                Consent = ConsentLevel.Written, ConsentExpiresOn = today.AddDays(-1), Quotes = "Fewer failed payments since we switched.",
            },
            new Contact { Account = works, FirstName = "Eli", LastName = "Fox", Title = "Plant Manager", AdvocacyStage = AdvocacyStage.RockStar },
            new Contact { Account = works, FirstName = "Gus", LastName = "Ghost", Title = "Former COO", DeletedAt = DateTimeOffset.UtcNow },
            new Contact { Account = closed, FirstName = "Gone", LastName = $"Gone{tag}", DeletedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(Ct);
    });
}
