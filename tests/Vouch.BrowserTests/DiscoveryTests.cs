using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>A seller nominates a customer with a reason; a reference manager accepts it, and the contact is being recruited.</summary>
public sealed class DiscoveryTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task ASellerNominatesAContactAndAReferenceManagerAcceptsIt()
    {
        var contact = await server.QueryAsync(async (db, ct) =>
        {
            var contact = new Contact
            {
                Account = new Account { Name = $"Kauri Logistics {Guid.NewGuid():N}"[..24] }, FirstName = "Aroha", LastName = $"Nominee{Guid.NewGuid():N}"[..14],
                Title = "Head of Operations", IsLeadUser = true,
            };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync(ct);
            return contact;
        });
        var seller = await server.AddUserAsync(Roles.Seller);
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        await using var sellerContext = await server.NewContextAsync();
        await using var managerContext = await server.NewContextAsync();
        var sellerPage = await sellerContext.NewPageAsync();
        var managerPage = await managerContext.NewPageAsync();
        var errors = new List<string>();
        sellerPage.CollectErrors(errors);
        managerPage.CollectErrors(errors);
        await sellerPage.SignInAsync(seller);
        await sellerPage.GotoAsync("/candidates");
        await Expect(sellerPage.MainHeading()).ToHaveTextAsync("Candidates");
        await Expect(sellerPage.GetByTestId("candidates")).ToBeVisibleAsync();

        await sellerPage.GotoAsync($"/contacts/{contact.Id}");
        await Expect(sellerPage.GetByTestId("discovery")).ToContainTextAsync("Lead user");
        await sellerPage.GetByTestId("nominate").ClickAsync();
        await Expect(sellerPage.MainHeading()).ToHaveTextAsync($"Nominate {contact.FullName}");
        await sellerPage.GetByTestId("reason").FillAsync("Rebuilt their dispatch on us and tells everyone at the user group.");
        await sellerPage.GetByTestId("submit").ClickAsync();

        await Expect(sellerPage.MainHeading()).ToHaveTextAsync(contact.FullName);
        await Expect(sellerPage.GetByTestId("notice")).ToContainTextAsync("was nominated");
        await Expect(sellerPage.GetByTestId("nominated")).ToContainTextAsync(seller.Name);

        await managerPage.SignInAsync(manager);
        await managerPage.GotoAsync("/nominations");
        var nomination = managerPage.GetByTestId("nomination").Filter(new() { HasText = contact.FullName });
        await Expect(nomination.GetByTestId("reason")).ToHaveTextAsync("Rebuilt their dispatch on us and tells everyone at the user group.");
        await nomination.GetByLabel("Note").FillAsync("Start with a quote.");
        await nomination.GetByTestId("accept").ClickAsync();

        await Expect(managerPage.GetByTestId("notice")).ToContainTextAsync($"The nomination of {contact.FullName} was accepted");
        await managerPage.GotoAsync($"/contacts/{contact.Id}");
        await Expect(managerPage.GetByTestId("recruiting")).ToContainTextAsync($"nominated by {seller.Name}, accepted by {manager.Name}");
        await Expect(managerPage.GetByTestId("stage")).ToHaveTextAsync("Promoter");
        Assert.Empty(errors);
    }
}
