using System.Net;
using System.Text.RegularExpressions;
using Vouch.Auth;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Pages;

/// <summary>Signing in with a password through the real form: cookies, antiforgery and lockout.</summary>
public sealed partial class SignInTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password, bool withAntiforgery = true)
    {
        var form = await client.GetStringAsync("/sign-in", Ct);
        var fields = new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["returnUrl"] = "/accounts" };
        if (withAntiforgery)
        {
            fields["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value;
        }
        return await client.PostAsync("/sign-in", new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task The_right_password_signs_in_and_returns_to_the_page_asked_for()
    {
        var user = await app.AddUserAsync(Roles.Seller);
        using var client = app.AnonymousClient();

        using var signedIn = await PostSignInAsync(client, user.Email, VouchApp.Password);
        using var accounts = await client.GetAsync("/accounts", Ct);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/accounts", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        var user = await app.AddUserAsync(Roles.Seller);
        using var client = app.AnonymousClient();

        using var response = await PostSignInAsync(client, user.Email, VouchApp.Password, withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/accounts", Ct)).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var user = await app.AddUserAsync(Roles.Seller);
        using var client = app.AnonymousClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await PostSignInAsync(client, user.Email, "Wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await PostSignInAsync(client, user.Email, VouchApp.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

/// <summary>In a class of its own: it uses up its server's sign-in allowance.</summary>
public sealed class SignInRateLimitTests(VouchApp app) : IClassFixture<VouchApp>
{
    [Fact]
    public async Task The_eleventh_sign_in_attempt_in_a_minute_is_refused_with_429()
    {
        using var client = app.AnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            using var response = await client.PostAsync("/sign-in",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "x@example.com", ["password"] = "nope" }),
                TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }
}
