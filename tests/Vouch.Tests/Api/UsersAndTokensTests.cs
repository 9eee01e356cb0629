using System.Net;
using System.Net.Http.Json;
using Vouch.Auth;
using Vouch.Features.Tokens;
using Vouch.Features.Users;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

public sealed class UsersAndTokensTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_adds_a_user_who_then_calls_the_api_with_their_own_token()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var email = $"new-{Guid.NewGuid():N}@example.com";

        using var added = await admin.PostAsJsonAsync("/api/v1/users", new { email, role = "seller", password = VouchApp.Password }, Ct);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var user = (await added.Content.ReadFromJsonAsync<UserResponse>(Ct))!;
        Assert.Equal([Roles.Seller], user.Roles);
        using var asUser = app.ClientWithToken(await app.CreateTokenAsync(user.Id));
        var me = (await asUser.GetFromJsonAsync<MeResponse>("/api/v1/me", Ct))!;
        Assert.Equal(email, me.Email);
        Assert.Equal([Roles.Seller], me.Roles);
    }

    [Theory]
    [InlineData("not-an-email", "Seller", "email")]
    [InlineData("x@example.com", "Janitor", "role")]
    [InlineData("y@example.com", "Seller", "password")]
    public async Task Bad_user_input_names_the_field(string email, string role, string field)
    {
        using var admin = await app.ClientForAsync(Roles.Admin);

        using var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { email, role, password = field == "password" ? "short" : VouchApp.Password }, Ct);

        Assert.NotEmpty(await response.AssertValidationProblemAsync(field));
    }

    [Fact]
    public async Task A_duplicate_email_is_refused_and_the_first_user_is_unchanged()
    {
        var existing = await app.AddUserAsync(Roles.Executive);
        using var admin = await app.ClientForAsync(Roles.Admin);

        using var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { email = existing.Email.ToUpperInvariant(), role = "Admin", password = VouchApp.Password }, Ct);

        var messages = await response.AssertValidationProblemAsync("email");
        Assert.Contains("already exists", messages[0], StringComparison.Ordinal);
        var users = (await admin.GetFromJsonAsync<List<UserResponse>>("/api/v1/users", Ct))!;
        Assert.Equal([Roles.Executive], users.Single(u => u.Id == existing.Id).Roles);
    }

    [Fact]
    public async Task A_token_is_shown_once_listed_without_its_secret_and_dead_once_revoked()
    {
        using var seller = await app.ClientForAsync(Roles.Seller);

        using var created = await seller.PostAsJsonAsync("/api/v1/tokens", new { name = "CRM sync", expiresInDays = 30 }, Ct);
        var token = (await created.Content.ReadFromJsonAsync<CreatedAccessToken>(Ct))!;
        using var withNewToken = app.ClientWithToken(token.PlainText);
        Assert.Equal(HttpStatusCode.OK, (await withNewToken.GetAsync("/api/v1/me", Ct)).StatusCode);
        var listing = await seller.GetStringAsync("/api/v1/tokens", Ct);
        Assert.DoesNotContain(token.PlainText, listing, StringComparison.Ordinal);

        (await seller.DeleteAsync($"/api/v1/tokens/{token.Token.Id}", Ct)).EnsureSuccessStatusCode();

        await (await withNewToken.GetAsync("/api/v1/me", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Someone_elses_token_is_not_found_and_stays_active()
    {
        var owner = await app.AddUserAsync(Roles.Seller);
        var ownersToken = await app.CreateTokenAsync(owner.Id);
        using var asOwner = app.ClientWithToken(ownersToken);
        var tokenId = (await asOwner.GetFromJsonAsync<List<AccessTokenResponse>>("/api/v1/tokens", Ct))!.Single().Id;
        using var other = await app.ClientForAsync(Roles.Admin);

        using var revoke = await other.DeleteAsync($"/api/v1/tokens/{tokenId}", Ct);

        await revoke.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(tokenId.ToString(), await other.GetStringAsync("/api/v1/tokens", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await asOwner.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_loses_api_access()
    {
        var user = await app.AddUserAsync(Roles.Seller);
        using var asUser = app.ClientWithToken(await app.CreateTokenAsync(user.Id));
        using var admin = await app.ClientForAsync(Roles.Admin);

        (await admin.PostAsync($"/api/v1/users/{user.Email}/disable", null, Ct)).EnsureSuccessStatusCode();

        await (await asUser.GetAsync("/api/v1/me", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
