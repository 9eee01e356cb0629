using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Vouch.Testing;

namespace Vouch.Tests.Integrations;

/// <summary>
/// The Salesforce stand-in answers a plain HTTP client the way Salesforce documents: tokens from a signed JWT or client
/// credentials, SystemModstamp queries paged through nextRecordsUrl, deleted records only through queryAll, Salesforce's
/// error bodies, the daily API limit and expired sessions.
/// </summary>
public sealed class SalesforceStandInTests
{
    private const string Api = "/services/data/v62.0";
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASignedJwtAssertionBuysATokenTheApiAccepts()
    {
        await using var salesforce = await SalesforceStandIn.StartAsync();
        using var http = new HttpClient { BaseAddress = salesforce.Root };

        using var answer = await http.PostAsync("/services/oauth2/token", JwtGrant(Assertion(salesforce)), Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var token = await answer.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.Equal("api", token.GetProperty("scope").GetString());
        Assert.Equal(salesforce.LoginUrl, token.GetProperty("instance_url").GetString());
        var id = token.GetProperty("id").GetString()!;
        Assert.StartsWith($"{salesforce.LoginUrl}/id/00D", id);
        Assert.EndsWith($"/{salesforce.IntegrationUserId}", id);
        var issuedAt = token.GetProperty("issued_at").GetString()!;
        Assert.True(long.TryParse(issuedAt, out _));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(salesforce.ClientSecret), Encoding.UTF8.GetBytes(id + issuedAt));
        Assert.Equal(Convert.ToBase64String(signature), token.GetProperty("signature").GetString());

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        using var limits = await http.GetAsync($"{Api}/limits", Ct);
        Assert.Equal(HttpStatusCode.OK, limits.StatusCode);
        Assert.Equal("api-usage=1/100000", limits.Headers.GetValues("Sforce-Limit-Info").Single());
        var daily = (await limits.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("DailyApiRequests");
        Assert.Equal(100_000, daily.GetProperty("Max").GetInt32());
        Assert.Equal(99_999, daily.GetProperty("Remaining").GetInt32());
    }

    [Fact]
    public async Task AJwtAssertionIsRefusedForItsKeyIssuerAudienceSubjectOrExpiry()
    {
        await using var salesforce = await SalesforceStandIn.StartAsync();
        using var http = new HttpClient { BaseAddress = salesforce.Root };
        using var otherKey = RSA.Create(2048);
        var now = DateTime.UtcNow;

        Assert.Equal("invalid assertion", await RefusalAsync(Assertion(salesforce, key: otherKey.ExportPkcs8PrivateKeyPem())));
        Assert.Equal("client identifier invalid", await RefusalAsync(Assertion(salesforce, issuer: "3MVG9someoneElse")));
        Assert.Equal("audience is invalid", await RefusalAsync(Assertion(salesforce, audience: "https://login.salesforce.com")));
        Assert.Equal("user hasn't approved this consumer", await RefusalAsync(Assertion(salesforce, subject: "nobody@example.com")));
        Assert.Equal("expired authorization code", await RefusalAsync(Assertion(salesforce, expires: now.AddMinutes(-1))));
        Assert.Equal("invalid assertion", await RefusalAsync(Assertion(salesforce, expires: now.AddMinutes(10))));

        async Task<string?> RefusalAsync(string assertion)
        {
            using var answer = await http.PostAsync("/services/oauth2/token", JwtGrant(assertion), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var error = await answer.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
            return error.GetProperty("error_description").GetString();
        }
    }

    [Fact]
    public async Task ClientCredentialsInTheFormOrInBasicBuyATokenAndAWrongSecretIsAnInvalidClient()
    {
        await using var salesforce = await SalesforceStandIn.StartAsync();
        using var http = new HttpClient { BaseAddress = salesforce.Root };

        using var inForm = await http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = salesforce.ClientId, ["client_secret"] = salesforce.ClientSecret,
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, inForm.StatusCode);

        using var basic = new HttpRequestMessage(HttpMethod.Post, "/services/oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(salesforce.ClientId)}:{salesforce.ClientSecret}")));
        using var inBasic = await http.SendAsync(basic, Ct);
        Assert.Equal(HttpStatusCode.OK, inBasic.StatusCode);
        Assert.NotEqual(
            (await inForm.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("access_token").GetString(),
            (await inBasic.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("access_token").GetString());

        using var wrong = await http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = salesforce.ClientId, ["client_secret"] = "not-the-secret",
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var error = await wrong.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
        Assert.Equal("invalid client credentials", error.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task AQueryPagesThroughNextRecordsUrlInModstampThenIdOrder()
    {
        await using var salesforce = await SalesforceStandIn.StartAsync(new SalesforceStandInOptions { PageSize = 3, Now = Start });
        var first = salesforce.Add("Account", Account("Acme 0"));
        var second = salesforce.Add("Account", Account("Acme 1"));
        salesforce.Advance(TimeSpan.FromMilliseconds(1500));
        var sharingAStamp = Enumerable.Range(2, 5).Select(n => salesforce.Add("Account", Account($"Acme {n}"))).ToList();
        salesforce.Advance(TimeSpan.FromSeconds(1));
        salesforce.Update("Account", first, new Dictionary<string, object?> { ["Name"] = "Acme 0, renamed" });
        using var http = await AuthorizedAsync(salesforce);

        const string soql = "select Id, Name, NumberOfEmployees, AnnualRevenue, SystemModstamp from Account order by SystemModstamp asc, Id asc";
        var page1 = await GetAsync(http, $"{Api}/query?q={Uri.EscapeDataString(soql)}");
        Assert.Equal(7, page1.GetProperty("totalSize").GetInt32());
        Assert.False(page1.GetProperty("done").GetBoolean());
        var next = page1.GetProperty("nextRecordsUrl").GetString()!;
        Assert.Matches(@"^/services/data/v62\.0/query/01g[0-9A-Za-z]{15}-3$", next);
        var page2 = await GetAsync(http, next);
        Assert.False(page2.GetProperty("done").GetBoolean());
        var page3 = await GetAsync(http, page2.GetProperty("nextRecordsUrl").GetString()!);
        Assert.True(page3.GetProperty("done").GetBoolean());
        Assert.False(page3.TryGetProperty("nextRecordsUrl", out _));

        var records = new[] { page1, page2, page3 }.SelectMany(page => page.GetProperty("records").EnumerateArray()).ToList();
        Assert.Equal([second, .. sharingAStamp, first], records.Select(record => record.GetProperty("Id").GetString()));
        var record = records[1];
        Assert.Equal("Account", record.GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal($"{Api}/sobjects/Account/{sharingAStamp[0]}", record.GetProperty("attributes").GetProperty("url").GetString());
        Assert.Equal(18, sharingAStamp[0].Length);
        Assert.StartsWith("001", sharingAStamp[0]);
        Assert.Equal(JsonValueKind.Number, record.GetProperty("NumberOfEmployees").ValueKind);
        Assert.Equal(120, record.GetProperty("NumberOfEmployees").GetInt32());
        Assert.Equal(1_250_000.5m, record.GetProperty("AnnualRevenue").GetDecimal());
        Assert.Equal("2026-12-04T10:00:01.500+0000", record.GetProperty("SystemModstamp").GetString());
        Assert.Equal("Acme 0, renamed", records[^1].GetProperty("Name").GetString());

        Assert.Equal(6, await CountAsync("SELECT Id FROM Account WHERE SystemModstamp >= 2026-12-04T10:00:01.500Z ORDER BY SystemModstamp ASC, Id ASC"));
        Assert.Equal(6, await CountAsync("SELECT Id FROM Account WHERE SystemModstamp >= 2026-12-04T11:00:01.5+01:00 ORDER BY SystemModstamp ASC, Id ASC"));
        Assert.Equal(1, await CountAsync("SELECT Id FROM Account WHERE SystemModstamp > 2026-12-04T10:00:01.500Z ORDER BY SystemModstamp ASC, Id ASC"));
        Assert.Equal(2, await CountAsync("SELECT Id FROM Account ORDER BY SystemModstamp ASC, Id ASC LIMIT 2"));
        Assert.Equal(soql, salesforce.Queries[0]);
        Assert.Equal(7, salesforce.ApiCalls);

        async Task<int> CountAsync(string query) => (await GetAsync(http, $"{Api}/query?q={Uri.EscapeDataString(query)}")).GetProperty("totalSize").GetInt32();
    }

    [Fact]
    public async Task QueryAllAnswersADeletedRecordAndQueryDoesNot()
    {
        await using var salesforce = await SalesforceStandIn.StartAsync(new SalesforceStandInOptions { Now = Start });
        var ids = salesforce.AddMany("Contact", new[] { "Ng", "Okafor", "Silva" }.Select(name => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["LastName"] = name }));
        salesforce.Advance(TimeSpan.FromMinutes(1));
        salesforce.Delete("Contact", ids[1]);
        using var http = await AuthorizedAsync(salesforce);
        var soql = Uri.EscapeDataString("SELECT Id, LastName, IsDeleted FROM Contact ORDER BY SystemModstamp ASC, Id ASC");

        var live = (await GetAsync(http, $"{Api}/query?q={soql}")).GetProperty("records").EnumerateArray().ToList();
        var all = (await GetAsync(http, $"{Api}/queryAll?q={soql}")).GetProperty("records").EnumerateArray().ToList();

        Assert.Equal([ids[0], ids[2]], live.Select(record => record.GetProperty("Id").GetString()));
        Assert.Equal([ids[0], ids[2], ids[1]], all.Select(record => record.GetProperty("Id").GetString()));
        Assert.True(all[2].GetProperty("IsDeleted").GetBoolean());
        Assert.False(all[0].GetProperty("IsDeleted").GetBoolean());
        Assert.Equal(2, salesforce.Records("Contact").Count);
        Assert.Equal(3, salesforce.Records("Contact", includeDeleted: true).Count);
    }

    [Fact]
    public async Task AQueryNamingAnUnknownFieldOrObjectOrOfAnotherShapeIsRefused()
    {
        await using var salesforce = await SalesforceStandIn.StartAsync();
        using var http = await AuthorizedAsync(salesforce);

        var field = await RefusedAsync($"{Api}/query?q={Uri.EscapeDataString("SELECT Id, Shoe FROM Account ORDER BY SystemModstamp ASC, Id ASC")}");
        Assert.Equal("INVALID_FIELD", field.GetProperty("errorCode").GetString());
        Assert.Contains("No such column 'Shoe' on entity 'Account'", field.GetProperty("message").GetString());
        var type = await RefusedAsync($"{Api}/query?q={Uri.EscapeDataString("SELECT Id FROM Shoe ORDER BY SystemModstamp ASC, Id ASC")}");
        Assert.Equal("INVALID_TYPE", type.GetProperty("errorCode").GetString());
        var shape = await RefusedAsync($"{Api}/query?q={Uri.EscapeDataString("SELECT Id FROM Account WHERE Name = 'Acme'")}");
        Assert.Equal("MALFORMED_QUERY", shape.GetProperty("errorCode").GetString());
        var locator = await RefusedAsync($"{Api}/query/01g5e0000000000XYZAAA-2000");
        Assert.Equal("INVALID_QUERY_LOCATOR", locator.GetProperty("errorCode").GetString());

        async Task<JsonElement> RefusedAsync(string url)
        {
            using var answer = await http.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            return Assert.Single((await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());
        }
    }

    [Fact]
    public async Task ALeadWithoutALastNameIsRefusedAndATaskGetsSalesforcesDefaults()
    {
        await using var salesforce = await SalesforceStandIn.StartAsync(new SalesforceStandInOptions { Now = Start });
        using var http = await AuthorizedAsync(salesforce);

        using var missing = await http.PostAsJsonAsync($"{Api}/sobjects/Lead/", new { FirstName = "Ada", Company = "Analytical Engines" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var error = Assert.Single((await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());
        Assert.Equal("REQUIRED_FIELD_MISSING", error.GetProperty("errorCode").GetString());
        Assert.Equal("Required fields are missing: [LastName]", error.GetProperty("message").GetString());
        Assert.Equal(["LastName"], error.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));

        using var unknownField = await http.PostAsJsonAsync($"{Api}/sobjects/Lead/", new { LastName = "Lovelace", Company = "Analytical Engines", Shoe = 42 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        using var unknownObject = await http.PostAsJsonAsync($"{Api}/sobjects/Shoe/", new { Name = "Left" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknownObject.StatusCode);

        using var created = await http.PostAsJsonAsync($"{Api}/sobjects/Lead/", new { FirstName = "Ada", LastName = "Lovelace", Company = "Analytical Engines" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Empty(body.GetProperty("errors").EnumerateArray());
        var leadId = body.GetProperty("id").GetString()!;
        Assert.Matches("^00Q[0-9A-Za-z]{15}$", leadId);
        var lead = await GetAsync(http, $"{Api}/sobjects/Lead/{leadId}");
        Assert.Equal("Lovelace", lead.GetProperty("LastName").GetString());
        Assert.Equal("Open - Not Contacted", lead.GetProperty("Status").GetString());
        Assert.Equal(salesforce.IntegrationUserId, lead.GetProperty("OwnerId").GetString());

        using var task = await http.PostAsJsonAsync($"{Api}/sobjects/Task/", new { Subject = "Reference call", WhoId = leadId }, Ct);
        Assert.Equal(HttpStatusCode.Created, task.StatusCode);
        var stored = Assert.Single(salesforce.Records("Task"));
        Assert.Equal("Not Started", stored["Status"]);
        Assert.Equal("Normal", stored["Priority"]);
        Assert.Equal(leadId, stored["WhoId"]);
        Assert.Equal(Start, stored["SystemModstamp"]);

        using var missingRecord = await http.GetAsync($"{Api}/sobjects/Lead/00Q5e0000000000ZZZAAA", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missingRecord.StatusCode);
        Assert.Equal("NOT_FOUND", Assert.Single((await missingRecord.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray()).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task TheDailyLimitAndAnInjectedRefusalAnswerRequestLimitExceeded()
    {
        await using var salesforce = await SalesforceStandIn.StartAsync(new SalesforceStandInOptions { DailyApiLimit = 3 });
        using var http = await AuthorizedAsync(salesforce);

        Assert.Equal("api-usage=1/3", await UsageAsync(HttpStatusCode.OK));
        salesforce.FailNextWithLimitExceeded(1);
        using (var refused = await http.GetAsync($"{Api}/limits", Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var error = Assert.Single((await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());
            Assert.Equal("REQUEST_LIMIT_EXCEEDED", error.GetProperty("errorCode").GetString());
            Assert.Equal("TotalRequests Limit exceeded.", error.GetProperty("message").GetString());
        }
        Assert.Equal("api-usage=2/3", await UsageAsync(HttpStatusCode.OK));
        Assert.Equal("api-usage=3/3", await UsageAsync(HttpStatusCode.OK));
        Assert.Equal("api-usage=3/3", await UsageAsync(HttpStatusCode.Forbidden));
        Assert.Equal(3, salesforce.ApiCalls);

        async Task<string> UsageAsync(HttpStatusCode expected)
        {
            using var answer = await http.GetAsync($"{Api}/limits", Ct);
            Assert.Equal(expected, answer.StatusCode);
            return answer.Headers.GetValues("Sforce-Limit-Info").Single();
        }
    }

    [Fact]
    public async Task AMissingOrExpiredSessionIsInvalid()
    {
        await using var salesforce = await SalesforceStandIn.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = salesforce.Root };
        using var http = await AuthorizedAsync(salesforce);

        await AssertInvalidSessionAsync(anonymous);
        using (var before = await http.GetAsync($"{Api}/limits", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }
        salesforce.ExpireSessions();
        await AssertInvalidSessionAsync(http);
        using var renewed = await AuthorizedAsync(salesforce);
        using var after = await renewed.GetAsync($"{Api}/limits", Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);

        static async Task AssertInvalidSessionAsync(HttpClient client)
        {
            using var answer = await client.GetAsync($"{Api}/limits", Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            var error = Assert.Single((await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());
            Assert.Equal("INVALID_SESSION_ID", error.GetProperty("errorCode").GetString());
            Assert.Equal("Session expired or invalid", error.GetProperty("message").GetString());
        }
    }

    private static Dictionary<string, object?> Account(string name) => new()
    {
        ["Name"] = name, ["Industry"] = "Manufacturing", ["NumberOfEmployees"] = 120, ["AnnualRevenue"] = 1_250_000.5m,
    };

    /// <summary>A JWT bearer assertion as Salesforce documents it, signed with the stand-in's key unless another is given.</summary>
    private static string Assertion(SalesforceStandIn salesforce, string? key = null, string? issuer = null, string? audience = null, string? subject = null, DateTime? expires = null)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(key ?? salesforce.PrivateKeyPem);
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(2);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? salesforce.ClientId,
            Audience = audience ?? salesforce.LoginUrl,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, subject ?? salesforce.Username)]),
            IssuedAt = expiry.AddMinutes(-2),
            NotBefore = expiry.AddMinutes(-2),
            Expires = expiry,
            // Uncached, so a later assertion from the same key never meets a provider holding a disposed one.
            SigningCredentials = new SigningCredentials(
                new RsaSecurityKey(rsa) { CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } }, SecurityAlgorithms.RsaSha256),
        });
    }

    private static FormUrlEncodedContent JwtGrant(string assertion) => new(new Dictionary<string, string>
    {
        ["grant_type"] = SalesforceStandIn.JwtBearerGrantType, ["assertion"] = assertion,
    });

    private static async Task<HttpClient> AuthorizedAsync(SalesforceStandIn salesforce)
    {
        var http = new HttpClient { BaseAddress = salesforce.Root };
        using var answer = await http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = salesforce.ClientId, ["client_secret"] = salesforce.ClientSecret,
        }), Ct);
        answer.EnsureSuccessStatusCode();
        var token = (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string url)
    {
        using var answer = await http.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
