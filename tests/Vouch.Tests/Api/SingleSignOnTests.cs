using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>Single sign-on is configured by settings alone and offered on the sign-in page.</summary>
public sealed class SingleSignOnTests(SingleSignOnTests.WithSso app) : IClassFixture<SingleSignOnTests.WithSso>
{
    public sealed class WithSso : VouchApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Authentication:OpenIdConnect:Authority", "https://login.example.com/tenant");
            builder.UseSetting("Authentication:OpenIdConnect:ClientId", "vouch");
            builder.UseSetting("Authentication:OpenIdConnect:DisplayName", "Example SSO");
        }
    }

    [Fact]
    public async Task The_settings_add_an_openid_connect_scheme_and_a_button()
    {
        var scheme = await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(SingleSignOnSettings.Scheme);
        using var client = app.AnonymousClient();

        var page = await client.GetStringAsync("/sign-in", TestContext.Current.CancellationToken);

        Assert.Equal("Example SSO", scheme?.DisplayName);
        Assert.Contains("Sign in with Example SSO", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_settings_there_is_no_button()
    {
        await using var plain = new VouchApp();
        await plain.InitializeAsync();
        using var client = plain.AnonymousClient();

        using var response = await client.GetAsync("/sign-in", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Sign in with", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
