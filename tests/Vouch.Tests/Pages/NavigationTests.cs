using System.Net;
using System.Text.RegularExpressions;
using Vouch.Auth;
using Vouch.Hosting;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Pages;

/// <summary>
/// The main navigation is read from the capability modules. Whatever a module declares, nobody is shown a link that
/// refuses them, and every entry is shown to someone.
/// </summary>
public sealed partial class NavigationTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_policy_has_one_definition_and_every_entry_names_one()
    {
        var policies = Policies.Shared.Concat(CapabilityModules.All.SelectMany(m => m.Policies)).Select(p => p.Policy).ToList();

        Assert.Equal(policies.Count, policies.Distinct(StringComparer.Ordinal).Count());
        Assert.All(CapabilityModules.Navigation, entry => Assert.Contains(entry.Policy, policies.Append(Policies.SignedIn)));
        Assert.Equal(
            CapabilityModules.Navigation.Count,
            CapabilityModules.Navigation.Select(e => e.Href).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Each_role_is_shown_only_links_it_may_follow_and_every_entry_is_shown_to_someone()
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in Roles.All)
        {
            using var client = await app.ClientForAsync(role);
            var links = NavigationLinks(await client.GetStringAsync("/notifications", Ct));

            Assert.NotEmpty(links);
            foreach (var href in links)
            {
                using var response = await client.GetAsync(href, Ct);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} is shown {href} but it answers {(int)response.StatusCode}.");
                shown.Add(href);
            }
        }

        Assert.Equal(CapabilityModules.Navigation.Select(e => e.Href).Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_advocate_sees_no_inventory_and_a_seller_no_administration()
    {
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        using var seller = await app.ClientForAsync(Roles.Seller);

        var advocateLinks = NavigationLinks(await advocate.GetStringAsync("/notifications", Ct));
        var sellerLinks = NavigationLinks(await seller.GetStringAsync("/notifications", Ct));

        Assert.Contains("/portal", advocateLinks);
        Assert.DoesNotContain("/accounts", advocateLinks);
        Assert.Contains("/accounts", sellerLinks);
        Assert.DoesNotContain("/users", sellerLinks);
        Assert.DoesNotContain("/import", sellerLinks);
    }

    /// <summary>The links of the main navigation but its brand, as the page sends them.</summary>
    private static List<string> NavigationLinks(string html)
    {
        var navigation = MainNavigation().Match(html);
        Assert.True(navigation.Success, "The page has no main navigation.");
        return [.. Href().Matches(navigation.Groups["links"].Value).Select(m => m.Groups["href"].Value)];
    }

    [GeneratedRegex("""<ul class="nav-links">(?<links>.*?)<form method="post""", RegexOptions.Singleline)]
    private static partial Regex MainNavigation();

    [GeneratedRegex("""<a href="(?<href>[^"]+)" """)]
    private static partial Regex Href();
}
