using System.Net;
using System.Net.Http.Json;
using System.Text;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

public sealed class AccountsApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_account_is_written_and_read_with_industry_country_and_products_by_name()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var product = $"Product {Guid.NewGuid():N}";
        (await manager.PostAsJsonAsync("/api/v1/products", new { name = product }, Ct)).EnsureSuccessStatusCode();

        using var created = await manager.PostAsJsonAsync("/api/v1/accounts", new
        {
            name = "Nordbank AG",
            industry = "Banking",
            country = "Germany",
            segment = "enterprise",
            region = "Emea",
            employees = 5200,
            products = new[] { product },
            competitorsReplaced = new[] { "Spreadsheet" },
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var account = (await created.Content.ReadFromJsonAsync<AccountResponse>(Ct))!;
        Assert.Equal($"/api/v1/accounts/{account.Id}", created.Headers.Location!.OriginalString);
        var read = (await manager.GetFromJsonAsync<AccountResponse>($"/api/v1/accounts/{account.Id}", Ct))!;
        Assert.Equal(("Nordbank AG", "Banking", "DE", "Germany", "Enterprise", "Emea", 5200),
            (read.Name, read.Industry, read.Country, read.CountryName, read.Segment, read.Region, read.Employees));
        Assert.Equal([product], read.Products);
        Assert.Equal(["Spreadsheet"], read.CompetitorsReplaced);
    }

    [Fact]
    public async Task The_list_filters_by_fields_named_in_the_query_and_returns_the_total()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var (industry, country) in new[] { ("Banking", "DE"), ("Banking", "Germany"), ("Banking", "FR"), ("Retail", "DE") })
        {
            (await manager.PostAsJsonAsync("/api/v1/accounts", new { name = $"Filter {tag} {industry} {country}", industry, country }, Ct)).EnsureSuccessStatusCode();
        }
        using var seller = await app.ClientForAsync(Roles.Seller);

        var page = (await seller.GetFromJsonAsync<Paged<AccountSummary>>($"/api/v1/accounts?q={tag}&industry=Banking&country=Germany", Ct))!;

        Assert.Equal(2, page.Total);
        Assert.All(page.Items, a => Assert.Equal(("Banking", "DE"), (a.Industry, a.Country)));
    }

    [Fact]
    public async Task Pages_are_numbered_from_one_and_sized_as_asked()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 1; i <= 5; i++)
        {
            (await manager.PostAsJsonAsync("/api/v1/accounts", new { name = $"Paging {tag} {i}" }, Ct)).EnsureSuccessStatusCode();
        }

        var second = (await manager.GetFromJsonAsync<Paged<AccountSummary>>($"/api/v1/accounts?q={tag}&page=2&pageSize=2", Ct))!;

        Assert.Equal((5, 2, 2), (second.Total, second.Page, second.PageSize));
        Assert.Equal([$"Paging {tag} 3", $"Paging {tag} 4"], second.Items.Select(a => a.Name));
    }

    [Theory]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("segment=Huge", "segment")]
    [InlineData("segment=99", "segment")]
    [InlineData("region=3", "region")]
    [InlineData("country=Atlantis", "country")]
    public async Task A_bad_list_query_names_the_parameter(string query, string field)
    {
        using var seller = await app.ClientForAsync(Roles.Seller);

        using var response = await seller.GetAsync($"/api/v1/accounts?{query}", Ct);

        Assert.NotEmpty(await response.AssertValidationProblemAsync(field));
    }

    [Fact]
    public async Task Missing_and_unknown_fields_are_named_and_nothing_is_written()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var before = (await manager.GetFromJsonAsync<Paged<AccountSummary>>("/api/v1/accounts?pageSize=1", Ct))!.Total;

        using var response = await manager.PostAsJsonAsync("/api/v1/accounts", new { industry = "Basket weaving", products = new[] { "nope" } }, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("name is required.", errors.GetProperty("name")[0].GetString());
        Assert.Contains("Basket weaving", errors.GetProperty("industry")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("nope", errors.GetProperty("products")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await manager.GetFromJsonAsync<Paged<AccountSummary>>("/api/v1/accounts?pageSize=1", Ct))!.Total);
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_that_names_where()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);

        using var response = await manager.PostAsync("/api/v1/accounts",
            new StringContent("""{ "name": "X", "employees": "many" }""", Encoding.UTF8, "application/json"), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("employees", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem()
    {
        using var seller = await app.ClientForAsync(Roles.Seller);

        using var response = await seller.GetAsync($"/api/v1/accounts/{Guid.NewGuid()}", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("The account was not found.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_told_not_lost()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var account = (await (await manager.PostAsJsonAsync("/api/v1/accounts", new { name = "Concurrent Co" }, Ct))
            .Content.ReadFromJsonAsync<AccountResponse>(Ct))!;

        using var first = await manager.PutAsJsonAsync($"/api/v1/accounts/{account.Id}", new { name = "First edit", version = account.Version }, Ct);
        using var second = await manager.PutAsJsonAsync($"/api/v1/accounts/{account.Id}", new { name = "Second edit", version = account.Version }, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("First edit", (await manager.GetFromJsonAsync<AccountResponse>($"/api/v1/accounts/{account.Id}", Ct))!.Name);
    }

    [Fact]
    public async Task An_edit_without_a_version_is_refused()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var account = (await (await manager.PostAsJsonAsync("/api/v1/accounts", new { name = "Versionless" }, Ct))
            .Content.ReadFromJsonAsync<AccountResponse>(Ct))!;

        using var response = await manager.PutAsJsonAsync($"/api/v1/accounts/{account.Id}", new { name = "Blind edit" }, Ct);

        Assert.NotEmpty(await response.AssertValidationProblemAsync("version"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_external_id_another_account_has_is_refused_naming_the_field_even_when_that_account_is_deleted(bool deleted)
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var externalId = $"crm-{Guid.NewGuid():N}"[..20];
        var first = (await (await manager.PostAsJsonAsync("/api/v1/accounts", new { name = "First holder", externalId }, Ct))
            .Content.ReadFromJsonAsync<AccountResponse>(Ct))!;
        if (deleted)
        {
            (await manager.DeleteAsync($"/api/v1/accounts/{first.Id}", Ct)).EnsureSuccessStatusCode();
        }

        using var response = await manager.PostAsJsonAsync("/api/v1/accounts", new { name = "Second holder", externalId }, Ct);

        Assert.Equal([$"externalId '{externalId}' is taken by another account."], await response.AssertValidationProblemAsync("externalId"));
    }

    [Fact]
    public async Task An_edit_to_the_external_id_another_account_has_is_refused_naming_the_field()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var externalId = $"crm-{Guid.NewGuid():N}"[..20];
        (await manager.PostAsJsonAsync("/api/v1/accounts", new { name = "Holder", externalId }, Ct)).EnsureSuccessStatusCode();
        var other = (await (await manager.PostAsJsonAsync("/api/v1/accounts", new { name = "Other" }, Ct))
            .Content.ReadFromJsonAsync<AccountResponse>(Ct))!;

        using var response = await manager.PutAsJsonAsync($"/api/v1/accounts/{other.Id}", new { name = "Other", externalId, version = other.Version }, Ct);

        Assert.Equal([$"externalId '{externalId}' is taken by another account."], await response.AssertValidationProblemAsync("externalId"));
        Assert.Null((await manager.GetFromJsonAsync<AccountResponse>($"/api/v1/accounts/{other.Id}", Ct))!.ExternalId);
    }

    [Theory]
    [InlineData("segment", "99", "segment must be one of SmallBusiness, MidMarket, Enterprise.")]
    [InlineData("region", "3", "region must be one of NorthAmerica, LatinAmerica, Emea, Apac.")]
    public async Task A_segment_or_region_given_as_a_number_is_refused_naming_the_field(string field, string value, string message)
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var name = $"Numbered {Guid.NewGuid():N}";
        var body = new Dictionary<string, string> { ["name"] = name, [field] = value };

        using var response = await manager.PostAsJsonAsync("/api/v1/accounts", body, Ct);

        Assert.Equal([message], await response.AssertValidationProblemAsync(field));
        Assert.Equal(0, (await manager.GetFromJsonAsync<Paged<AccountSummary>>($"/api/v1/accounts?q={name}", Ct))!.Total);
    }
}
