using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Users;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>
/// SCIM provisioning through the real app, with the requests of RFC 7644's examples and the PATCH bodies Okta and
/// Entra ID send.
/// </summary>
public sealed partial class ScimTests(VouchApp app) : IClassFixture<VouchApp>
{
    private const string ScimJson = "application/scim+json";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? json = null) =>
        await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, ScimJson),
        }, Ct);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal(ScimJson, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a SCIM error with the status and scimType, and returns its detail.</summary>
    private static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? scimType)
    {
        var error = await ReadAsync(response, status);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", error.GetProperty("schemas")[0].GetString());
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.GetProperty("status").GetString());
        Assert.Equal(scimType, error.TryGetProperty("scimType", out var type) ? type.GetString() : null);
        return error.GetProperty("detail").GetString()!;
    }

    private static string NewEmail(string domain = "example.com") => $"bjensen-{Guid.NewGuid():N}@{domain}";

    /// <summary>RFC 7644 §3.3's example user, with an email as the user name, as Vouch users sign in with their email.</summary>
    private static string Barbara(string userName, string externalId = "bjensen") => $$"""
        {
          "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
          "userName":"{{userName}}",
          "externalId":"{{externalId}}",
          "name":{
            "formatted":"Ms. Barbara J Jensen III",
            "familyName":"Jensen",
            "givenName":"Barbara"
          }
        }
        """;

    private async Task<JsonElement> CreateAsync(HttpClient scim, string userName, string externalId = "bjensen")
    {
        using var created = await SendAsync(scim, "POST", "/scim/v2/Users", Barbara(userName, externalId));
        return await ReadAsync(created, HttpStatusCode.Created);
    }

    private static string Patch(string operations) =>
        $$"""{ "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{{operations}}] }""";

    [Fact]
    public async Task The_rfc_example_user_is_created_with_its_meta_and_read_back()
    {
        using var scim = await app.ClientForAsync(Roles.Admin);
        var email = NewEmail();

        using var created = await SendAsync(scim, "POST", "/scim/v2/Users", Barbara(email));

        var user = await ReadAsync(created, HttpStatusCode.Created);
        var id = user.GetProperty("id").GetString()!;
        var meta = user.GetProperty("meta");
        Assert.Equal(email, user.GetProperty("userName").GetString());
        Assert.Equal("bjensen", user.GetProperty("externalId").GetString());
        Assert.Equal("Barbara", user.GetProperty("name").GetProperty("givenName").GetString());
        Assert.Equal("Jensen", user.GetProperty("name").GetProperty("familyName").GetString());
        Assert.Equal("Barbara Jensen", user.GetProperty("displayName").GetString());
        Assert.True(user.GetProperty("active").GetBoolean());
        Assert.Equal(email, user.GetProperty("emails")[0].GetProperty("value").GetString());
        Assert.Equal(0, user.GetProperty("groups").GetArrayLength());
        Assert.Equal("User", meta.GetProperty("resourceType").GetString());
        Assert.Equal($"http://localhost/scim/v2/Users/{id}", meta.GetProperty("location").GetString());
        Assert.Equal(meta.GetProperty("location").GetString(), created.Headers.Location!.ToString());
        Assert.Equal(meta.GetProperty("version").GetString(), created.Headers.ETag!.ToString());
        Assert.True(meta.GetProperty("lastModified").GetDateTimeOffset() >= meta.GetProperty("created").GetDateTimeOffset());

        using var read = await scim.GetAsync($"/scim/v2/Users/{id}", Ct);
        var again = await ReadAsync(read, HttpStatusCode.OK);
        Assert.Equal(email, again.GetProperty("userName").GetString());
        Assert.Equal(meta.GetProperty("version").GetString(), again.GetProperty("meta").GetProperty("version").GetString());
        var users = (await scim.GetFromJsonAsync<List<UserResponse>>("/api/v1/users", Ct))!;
        Assert.Empty(users.Single(u => u.Email == email).Roles);
    }

    [Fact]
    public async Task A_user_name_that_is_not_an_email_is_an_invalid_value()
    {
        using var scim = await app.ClientForAsync(Roles.Admin);

        using var response = await SendAsync(scim, "POST", "/scim/v2/Users", Barbara("bjensen"));

        Assert.Contains("not an email address", await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_user_name_in_any_case_is_a_uniqueness_conflict()
    {
        using var scim = await app.ClientForAsync(Roles.Admin);
        var email = NewEmail();
        await CreateAsync(scim, email);

        using var again = await SendAsync(scim, "POST", "/scim/v2/Users", Barbara(email.ToUpperInvariant()));

        await AssertErrorAsync(again, HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task Filters_find_users_by_user_name_external_id_email_and_display_name()
    {
        using var scim = await app.ClientForAsync(Roles.Admin);
        var email = NewEmail();
        var externalId = Guid.NewGuid().ToString();
        var id = (await CreateAsync(scim, email, externalId)).GetProperty("id").GetString();
        await CreateAsync(scim, NewEmail());

        async Task<List<string?>> FoundAsync(string filter)
        {
            using var response = await scim.GetAsync($"/scim/v2/Users?filter={Uri.EscapeDataString(filter)}", Ct);
            var list = await ReadAsync(response, HttpStatusCode.OK);
            Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", list.GetProperty("schemas")[0].GetString());
            Assert.Equal(list.GetProperty("Resources").GetArrayLength(), list.GetProperty("totalResults").GetInt32());
            return [.. list.GetProperty("Resources").EnumerateArray().Select(u => u.GetProperty("id").GetString())];
        }

        Assert.Equal([id], await FoundAsync($"userName eq \"{email.ToUpperInvariant()}\""));
        Assert.Equal([id], await FoundAsync($"externalId eq \"{externalId}\""));
        Assert.Equal([id], await FoundAsync($"emails.value eq \"{email}\""));
        Assert.Equal([id], await FoundAsync($"emails[type eq \"work\" and value eq \"{email}\"]"));
        Assert.Equal([id], await FoundAsync($"displayName eq \"Barbara Jensen\" and userName sw \"{email[..20]}\" and active eq true"));
        Assert.Equal([id], await FoundAsync($"urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"{email}\""));
        Assert.Empty(await FoundAsync($"externalId eq \"{externalId.ToUpperInvariant()}\""));
        Assert.Empty(await FoundAsync("userName eq \"nobody@example.com\""));
    }

    [Fact]
    public async Task Pages_follow_start_index_and_count()
    {
        using var scim = await app.ClientForAsync(Roles.Admin);
        var domain = $"page-{Guid.NewGuid():N}.example.com";
        var ids = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await CreateAsync(scim, NewEmail(domain))).GetProperty("id").GetString());
        }
        var filter = Uri.EscapeDataString($"userName ew \"@{domain}\"");

        using var second = await scim.GetAsync($"/scim/v2/Users?filter={filter}&startIndex=2&count=2", Ct);
        using var none = await scim.GetAsync($"/scim/v2/Users?filter={filter}&startIndex=0&count=-1", Ct);
        using var past = await scim.GetAsync($"/scim/v2/Users?filter={filter}&startIndex=9", Ct);
        using var bad = await scim.GetAsync("/scim/v2/Users?count=ten", Ct);

        var page = await ReadAsync(second, HttpStatusCode.OK);
        Assert.Equal(5, page.GetProperty("totalResults").GetInt32());
        Assert.Equal(2, page.GetProperty("startIndex").GetInt32());
        Assert.Equal(2, page.GetProperty("itemsPerPage").GetInt32());
        Assert.Equal(ids[1..3], [.. page.GetProperty("Resources").EnumerateArray().Select(u => u.GetProperty("id").GetString())]);
        var empty = await ReadAsync(none, HttpStatusCode.OK);
        Assert.Equal((5, 1, 0), (empty.GetProperty("totalResults").GetInt32(), empty.GetProperty("startIndex").GetInt32(), empty.GetProperty("itemsPerPage").GetInt32()));
        Assert.Equal(0, (await ReadAsync(past, HttpStatusCode.OK)).GetProperty("Resources").GetArrayLength());
        await AssertErrorAsync(bad, HttpStatusCode.BadRequest, "invalidValue");
    }

    [Theory]
    [InlineData("userName eq")]
    [InlineData("userName xx \"a\"")]
    [InlineData("userName eq bjensen")]
    [InlineData("(userName eq \"a\"")]
    [InlineData("userName eq \"a\" and")]
    [InlineData("active co true")]
    [InlineData("shoeSize eq \"42\"")]
    public async Task A_malformed_filter_or_an_unknown_attribute_in_it_is_an_invalid_filter(string filter)
    {
        using var scim = await app.ClientForAsync(Roles.Admin);

        using var response = await scim.GetAsync($"/scim/v2/Users?filter={Uri.EscapeDataString(filter)}", Ct);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Fact]
    public async Task Oktas_patch_to_inactive_stops_sign_in_and_tokens()
    {
        using var scim = await app.ClientForAsync(Roles.Admin);
        var user = await app.AddUserAsync(Roles.Seller);
        using var asUser = app.ClientWithToken(await app.CreateTokenAsync(user.Id));
        Assert.Equal(HttpStatusCode.OK, (await asUser.GetAsync("/api/v1/me", Ct)).StatusCode);

        using var patched = await SendAsync(scim, "PATCH", $"/scim/v2/Users/{user.Id}", Patch("""{ "op": "replace", "value": { "active": false } }"""));

        Assert.False((await ReadAsync(patched, HttpStatusCode.OK)).GetProperty("active").GetBoolean());
        await (await asUser.GetAsync("/api/v1/me", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var browser = app.AnonymousClient();
        using var signIn = await PostSignInAsync(browser, user.Email);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/accounts", Ct)).StatusCode);
    }

    [Fact]
    public async Task Entras_patch_with_a_path_and_a_string_boolean_disables_and_enables()
    {
        using var scim = await app.ClientForAsync(Roles.Admin);
        var user = await app.AddUserAsync(Roles.Seller);
        using var asUser = app.ClientWithToken(await app.CreateTokenAsync(user.Id));

        using var disabled = await SendAsync(scim, "PATCH", $"/scim/v2/Users/{user.Id}", Patch("""{ "op": "Replace", "path": "active", "value": "False" }"""));
        var afterDisable = await asUser.GetAsync("/api/v1/me", Ct);
        using var enabled = await SendAsync(scim, "PATCH", $"/scim/v2/Users/{user.Id}", Patch("""{ "op": "Replace", "path": "active", "value": "True" }"""));

        Assert.False((await ReadAsync(disabled, HttpStatusCode.OK)).GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, afterDisable.StatusCode);
        Assert.True((await ReadAsync(enabled, HttpStatusCode.OK)).GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await asUser.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Entras_attribute_patches_change_names_and_accept_what_vouch_does_not_keep()
    {
        using var scim = await app.ClientForAsync(Roles.Admin);
        var id = (await CreateAsync(scim, NewEmail())).GetProperty("id").GetString();
        var newEmail = NewEmail();

        using var patched = await SendAsync(scim, "PATCH", $"/scim/v2/Users/{id}", Patch($$"""
            { "op": "Replace", "path": "name.givenName", "value": "Babs" },
            { "op": "Add", "path": "displayName", "value": "Babs Jensen" },
            { "op": "Replace", "path": "userName", "value": "{{newEmail}}" },
            { "op": "Replace", "path": "emails[type eq \"work\"].value", "value": "{{newEmail}}" },
            { "op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "value": "Sales" },
            { "op": "Replace", "path": "title", "value": "Account Executive" },
            { "op": "Remove", "path": "externalId" }
            """));

        var user = await ReadAsync(patched, HttpStatusCode.OK);
        Assert.Equal("Babs", user.GetProperty("name").GetProperty("givenName").GetString());
        Assert.Equal("Jensen", user.GetProperty("name").GetProperty("familyName").GetString());
        Assert.Equal("Babs Jensen", user.GetProperty("displayName").GetString());
        Assert.Equal(newEmail, user.GetProperty("userName").GetString());
        Assert.False(user.TryGetProperty("externalId", out _));
    }

    [Fact]
    public async Task Put_replaces_the_user()
    {
        using var scim = await app.ClientForAsync(Roles.Admin);
        var email = NewEmail();
        var id = (await CreateAsync(scim, email)).GetProperty("id").GetString();

        using var replaced = await SendAsync(scim, "PUT", $"/scim/v2/Users/{id}", $$"""
            { "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "{{id}}", "userName": "{{email}}",
              "name": { "givenName": "Barbara", "familyName": "Jensen-Smith" }, "active": false, "locale": "en-US" }
            """);

        var user = await ReadAsync(replaced, HttpStatusCode.OK);
        Assert.Equal("Barbara Jensen-Smith", user.GetProperty("displayName").GetString());
        Assert.False(user.GetProperty("active").GetBoolean());
        Assert.False(user.TryGetProperty("externalId", out _));
    }

    [Fact]
    public async Task An_unknown_attribute_is_refused_in_a_path_and_in_a_body()
    {
        using var scim = await app.ClientForAsync(Roles.Admin);
        var id = (await CreateAsync(scim, NewEmail())).GetProperty("id").GetString();

        using var inPath = await SendAsync(scim, "PATCH", $"/scim/v2/Users/{id}", Patch("""{ "op": "replace", "path": "favouriteColour", "value": "blue" }"""));
        using var inBody = await SendAsync(scim, "POST", "/scim/v2/Users", $$"""{ "userName": "{{NewEmail()}}", "favouriteColour": "blue" }""");
        using var readOnly = await SendAsync(scim, "PATCH", $"/scim/v2/Users/{id}", Patch("""{ "op": "add", "path": "groups", "value": [{ "value": "Admin" }] }"""));

        Assert.Contains("favouriteColour", await AssertErrorAsync(inPath, HttpStatusCode.BadRequest, "invalidPath"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("favouriteColour", await AssertErrorAsync(inBody, HttpStatusCode.BadRequest, "invalidValue"), StringComparison.Ordinal);
        await AssertErrorAsync(readOnly, HttpStatusCode.BadRequest, "mutability");
    }

    [Theory]
    [InlineData("{ \"userName\": ", "invalidSyntax")]
    [InlineData("[]", "invalidSyntax")]
    [InlineData("{ \"Operations\": [] }", "invalidSyntax")]
    [InlineData("{ \"Operations\": [{ \"op\": \"move\", \"path\": \"active\" }] }", "invalidSyntax")]
    [InlineData("{ \"Operations\": [{ \"op\": \"remove\" }] }", "noTarget")]
    [InlineData("{ \"Operations\": [{ \"op\": \"replace\", \"path\": \"active\", \"value\": \"maybe\" }] }", "invalidValue")]
    [InlineData("{ \"Operations\": [{ \"op\": \"remove\", \"path\": \"userName\" }] }", "mutability")]
    [InlineData("{ \"Operations\": [{ \"op\": \"replace\", \"path\": \"name[givenName eq \\\"x\\\"]\", \"value\": \"y\" }] }", "invalidPath")]
    public async Task A_bad_patch_is_a_scim_error_and_changes_nothing(string body, string scimType)
    {
        using var scim = await app.ClientForAsync(Roles.Admin);
        var created = await CreateAsync(scim, NewEmail());
        var id = created.GetProperty("id").GetString();

        using var response = await SendAsync(scim, "PATCH", $"/scim/v2/Users/{id}", body);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, scimType);
        var after = await ReadAsync(await scim.GetAsync($"/scim/v2/Users/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal(created.GetProperty("meta").GetProperty("version").GetString(), after.GetProperty("meta").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Group_membership_gives_and_takes_the_role()
    {
        using var scim = await app.ClientForAsync(Roles.Admin);
        var id = (await CreateAsync(scim, NewEmail())).GetProperty("id").GetString()!;

        using var added = await SendAsync(scim, "PATCH", "/scim/v2/Groups/Seller",
            Patch($$"""{ "op": "add", "path": "members", "value": [{ "value": "{{id}}" }] }"""));

        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        using var asUser = app.ClientWithToken(await app.CreateTokenAsync(Guid.Parse(id)));
        Assert.Equal([Roles.Seller], (await asUser.GetFromJsonAsync<MeResponse>("/api/v1/me", Ct))!.Roles);
        var user = await ReadAsync(await scim.GetAsync($"/scim/v2/Users/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal("Seller", user.GetProperty("groups")[0].GetProperty("value").GetString());
        var group = await ReadAsync(await scim.GetAsync("/scim/v2/Groups/Seller", Ct), HttpStatusCode.OK);
        Assert.Contains(id, group.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("value").GetString()));

        // Okta removes with a filter in the path; Entra ID names the members in the value.
        using var removed = await SendAsync(scim, "PATCH", "/scim/v2/Groups/Seller",
            Patch($$"""{ "op": "remove", "path": "members[value eq \"{{id}}\"]" }"""));
        using var entraAdded = await SendAsync(scim, "PATCH", "/scim/v2/Groups/Executive",
            Patch($$"""{ "op": "Add", "path": "members", "value": [{ "value": "{{id}}" }] }"""));
        using var entraRemoved = await SendAsync(scim, "PATCH", "/scim/v2/Groups/Executive",
            Patch($$"""{ "op": "Remove", "path": "members", "value": [{ "value": "{{id}}" }] }"""));

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, entraAdded.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, entraRemoved.StatusCode);
        var users = (await scim.GetFromJsonAsync<List<UserResponse>>("/api/v1/users", Ct))!;
        Assert.Empty(users.Single(u => u.Id == Guid.Parse(id)).Roles);
    }

    [Fact]
    public async Task Put_sets_a_groups_members_and_the_role_follows()
    {
        using var scim = await app.ClientForAsync(Roles.Admin);
        var first = (await CreateAsync(scim, NewEmail())).GetProperty("id").GetString();
        var second = (await CreateAsync(scim, NewEmail())).GetProperty("id").GetString();
        await SendAsync(scim, "PATCH", "/scim/v2/Groups/ReferenceManager", Patch($$"""{ "op": "add", "path": "members", "value": [{ "value": "{{first}}" }] }"""));
        var others = (await ReadAsync(await scim.GetAsync("/scim/v2/Groups/ReferenceManager", Ct), HttpStatusCode.OK))
            .GetProperty("members").EnumerateArray().Select(m => m.GetProperty("value").GetString()).Where(m => m != first).ToList();
        var members = string.Join(",", others.Append(second).Select(m => $$"""{ "value": "{{m}}" }"""));

        using var put = await SendAsync(scim, "PUT", "/scim/v2/Groups/ReferenceManager",
            $$"""{ "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "ReferenceManager", "members": [{{members}}] }""");

        var group = await ReadAsync(put, HttpStatusCode.OK);
        var now = group.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("value").GetString()).ToList();
        Assert.Contains(second, now);
        Assert.DoesNotContain(first, now);

        // A body without members does not take the role from everyone.
        using var nameOnly = await SendAsync(scim, "PUT", "/scim/v2/Groups/ReferenceManager",
            """{ "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "ReferenceManager" }""");
        var kept = (await ReadAsync(nameOnly, HttpStatusCode.OK)).GetProperty("members").EnumerateArray().Select(m => m.GetProperty("value").GetString());
        Assert.Equal(now.Order(), kept.Order());
    }

    [Fact]
    public async Task Groups_are_the_roles_found_by_name_and_cannot_be_made_renamed_or_deleted()
    {
        using var scim = await app.ClientForAsync(Roles.Admin);

        using var all = await scim.GetAsync("/scim/v2/Groups?excludedAttributes=members", Ct);
        using var found = await scim.GetAsync($"/scim/v2/Groups?filter={Uri.EscapeDataString("displayName eq \"seller\"")}", Ct);
        using var create = await SendAsync(scim, "POST", "/scim/v2/Groups", """{ "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Tour Guides" }""");
        using var delete = await SendAsync(scim, "DELETE", "/scim/v2/Groups/Seller");
        using var rename = await SendAsync(scim, "PATCH", "/scim/v2/Groups/Seller", Patch("""{ "op": "replace", "value": { "displayName": "Sales" } }"""));
        using var unknownMember = await SendAsync(scim, "PATCH", "/scim/v2/Groups/Seller", Patch("""{ "op": "add", "path": "members", "value": [{ "value": "not-a-user" }] }"""));
        using var unknownGroup = await scim.GetAsync("/scim/v2/Groups/Janitor", Ct);

        var groups = await ReadAsync(all, HttpStatusCode.OK);
        Assert.Equal(Roles.All, [.. groups.GetProperty("Resources").EnumerateArray().Select(g => g.GetProperty("displayName").GetString()!)]);
        Assert.False(groups.GetProperty("Resources")[0].TryGetProperty("members", out _));
        var seller = (await ReadAsync(found, HttpStatusCode.OK)).GetProperty("Resources");
        Assert.Equal("Seller", seller.EnumerateArray().Single().GetProperty("id").GetString());
        Assert.Contains("fixed", await AssertErrorAsync(create, HttpStatusCode.NotImplemented, null), StringComparison.Ordinal);
        await AssertErrorAsync(delete, HttpStatusCode.NotImplemented, null);
        await AssertErrorAsync(rename, HttpStatusCode.BadRequest, "mutability");
        await AssertErrorAsync(unknownMember, HttpStatusCode.BadRequest, "invalidValue");
        await AssertErrorAsync(unknownGroup, HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Delete_removes_the_user_for_scim_and_kills_their_tokens_and_the_same_user_name_brings_them_back()
    {
        using var scim = await app.ClientForAsync(Roles.Admin);
        var email = NewEmail();
        var id = (await CreateAsync(scim, email)).GetProperty("id").GetString()!;
        await SendAsync(scim, "PATCH", "/scim/v2/Groups/Seller", Patch($$"""{ "op": "add", "path": "members", "value": [{ "value": "{{id}}" }] }"""));
        var token = await app.CreateTokenAsync(Guid.Parse(id));

        using var deleted = await SendAsync(scim, "DELETE", $"/scim/v2/Users/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await AssertErrorAsync(await scim.GetAsync($"/scim/v2/Users/{id}", Ct), HttpStatusCode.NotFound, null);
        await AssertErrorAsync(await SendAsync(scim, "DELETE", $"/scim/v2/Users/{id}"), HttpStatusCode.NotFound, null);
        var listed = await ReadAsync(await scim.GetAsync($"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{email}\"")}", Ct), HttpStatusCode.OK);
        Assert.Equal(0, listed.GetProperty("totalResults").GetInt32());
        var user = (await scim.GetFromJsonAsync<List<UserResponse>>("/api/v1/users", Ct))!.Single(u => u.Email == email);
        Assert.True(user.IsDisabled);
        Assert.Empty(user.Roles);

        var back = await CreateAsync(scim, email);

        Assert.Equal(id, back.GetProperty("id").GetString());
        Assert.True(back.GetProperty("active").GetBoolean());
        using var withOldToken = app.ClientWithToken(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withOldToken.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Changes_made_over_scim_are_audited_as_the_tokens_user()
    {
        var admin = await app.AddUserAsync(Roles.Admin);
        using var scim = app.ClientWithToken(await app.CreateTokenAsync(admin.Id));
        var id = (await CreateAsync(scim, NewEmail())).GetProperty("id").GetString()!;

        await SendAsync(scim, "PATCH", $"/scim/v2/Users/{id}", Patch("""{ "op": "replace", "value": { "active": false } }"""));

        var actors = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().AuditEntries
            .Where(e => e.RecordType == nameof(User) && e.RecordId == id).Select(e => e.Actor).ToListAsync(Ct));
        Assert.NotEmpty(actors);
        Assert.All(actors, actor => Assert.Equal(admin.Email, actor));
    }

    [Fact]
    public async Task Only_an_admins_bearer_token_reaches_scim()
    {
        using var seller = await app.ClientForAsync(Roles.Seller);
        using var anonymous = app.AnonymousClient();
        var admin = await app.AddUserAsync(Roles.Admin);
        using var browser = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await PostSignInAsync(browser, admin.Email)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/users", Ct)).StatusCode);

        using var forbidden = await seller.GetAsync("/scim/v2/Users", Ct);
        using var noToken = await anonymous.GetAsync("/scim/v2/Users", Ct);
        using var withCookie = await browser.GetAsync("/scim/v2/Users", Ct);

        await AssertErrorAsync(forbidden, HttpStatusCode.Forbidden, null);
        await AssertErrorAsync(noToken, HttpStatusCode.Unauthorized, null);
        Assert.Equal("Bearer", noToken.Headers.WwwAuthenticate.Single().Scheme);
        await AssertErrorAsync(withCookie, HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task The_service_provider_describes_itself()
    {
        using var scim = await app.ClientForAsync(Roles.Admin);

        var config = await ReadAsync(await scim.GetAsync("/scim/v2/ServiceProviderConfig", Ct), HttpStatusCode.OK);
        var schemas = await ReadAsync(await scim.GetAsync("/scim/v2/Schemas", Ct), HttpStatusCode.OK);
        var userSchema = await ReadAsync(await scim.GetAsync("/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", Ct), HttpStatusCode.OK);
        var userType = await ReadAsync(await scim.GetAsync("/scim/v2/ResourceTypes/User", Ct), HttpStatusCode.OK);
        using var unknown = await scim.GetAsync("/scim/v2/ResourceTypes/Printer", Ct);

        Assert.True(config.GetProperty("patch").GetProperty("supported").GetBoolean());
        Assert.True(config.GetProperty("filter").GetProperty("supported").GetBoolean());
        Assert.False(config.GetProperty("bulk").GetProperty("supported").GetBoolean());
        Assert.False(config.GetProperty("sort").GetProperty("supported").GetBoolean());
        Assert.Equal(2, schemas.GetProperty("totalResults").GetInt32());
        Assert.Contains(userSchema.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("name").GetString() == "userName");
        Assert.Equal("/Users", userType.GetProperty("endpoint").GetString());
        await AssertErrorAsync(unknown, HttpStatusCode.NotFound, null);
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email)
    {
        var form = await client.GetStringAsync("/sign-in", Ct);
        return await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = VouchApp.Password,
            ["returnUrl"] = "/accounts",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value,
        }), Ct);
    }
}
