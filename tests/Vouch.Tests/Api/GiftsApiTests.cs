using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Gifts;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

/// <summary>Gifts under the default policy; the policy's own edits are in <see cref="GiftPolicyApiTests"/>.</summary>
public sealed class GiftsApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private HttpClient? _manager;

    private async Task<HttpClient> ManagerAsync() => _manager ??= await app.ClientForAsync(Roles.ReferenceManager);

    private Task<Guid> AddContactAsync(string? industry = null) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var account = new Account { Name = $"Gifted {Guid.NewGuid():N}"[..20], IndustryId = industry is null ? null : Industry.Standard(industry).Id };
        var contact = new Contact { AccountId = account.Id, FirstName = "Ann", LastName = "Lee" };
        db.AddRange(account, contact);
        await db.SaveChangesAsync(Ct);
        return contact.Id;
    });

    private Task<(int Gifts, int Gives)> CountAsync(Guid contactId) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        return (await db.Set<Gift>().CountAsync(g => g.ContactId == contactId, Ct),
            await db.Engagements.CountAsync(e => e.ContactId == contactId && e.Kind == EngagementKind.Give, Ct));
    });

    private async Task<GiftResponse> RecordAsync(object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await (await ManagerAsync()).PostAsJsonAsync("/api/v1/gifts", body, Ct);
        Assert.Equal(expected, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<GiftResponse>(Ct))!;
    }

    [Fact]
    public async Task The_smallest_gift_is_given_and_counts_as_a_give_in_the_ledger()
    {
        var contactId = await AddContactAsync();

        var gift = await RecordAsync(new { contactId, description = "Signed book", value = 40, currency = "usd", givenOn = Today.AddDays(-2) });

        Assert.Equal(("Given", "USD", 40m, 1m, "Ann Lee"), (gift.State, gift.Currency, gift.Value, gift.CreditHours, gift.Contact));
        Assert.Null(gift.DecidedBy);
        var ledger = (await (await ManagerAsync()).GetFromJsonAsync<LedgerResponse>($"/api/v1/contacts/{contactId}/ledger", Ct))!;
        var give = Assert.Single(ledger.Items);
        Assert.Equal(("Give", "Completed", "Gift: Signed book", 1m, gift.Id), (give.Kind, give.Status, give.What, give.Hours, give.GiftId));
        Assert.Equal(gift, await (await ManagerAsync()).GetFromJsonAsync<GiftResponse>($"/api/v1/gifts/{gift.Id}", Ct));
        var listed = (await (await ManagerAsync()).GetFromJsonAsync<Paged<GiftResponse>>($"/api/v1/gifts?contactId={contactId}", Ct))!;
        Assert.Equal([gift.Id], listed.Items.Select(g => g.Id));
    }

    [Fact]
    public async Task Every_refusal_by_the_policy_names_its_rule_and_changes_nothing()
    {
        var contactId = await AddContactAsync();
        await RecordAsync(new { contactId, description = "Dinner", value = 70, currency = "USD", givenOn = Today.AddDays(-100), occasion = "Summit", exceptionReason = (string?)null }, HttpStatusCode.Created);
        await RecordAsync(new { contactId, description = "Course", value = 50, currency = "USD", givenOn = Today.AddDays(-30) });
        var before = await CountAsync(contactId);
        var manager = await ManagerAsync();
        var since = Today.AddDays(-1).AddYears(-1).AddDays(1);

        async Task<(string Title, string Detail)> RefusedAsync(object body)
        {
            using var response = await manager.PostAsJsonAsync("/api/v1/gifts", body, Ct);
            var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
            return (problem.GetProperty("title").GetString()!, problem.GetProperty("detail").GetString()!);
        }

        var yearly = await RefusedAsync(new { contactId, description = "Wine", value = 40, currency = "USD", givenOn = Today.AddDays(-1) });
        var occasion = await RefusedAsync(new { contactId, description = "Watch", value = 80, currency = "USD", givenOn = Today });
        var tiedToRequest = await RefusedAsync(new { contactId, description = "Mug", value = 5, currency = "USD", givenOn = Today, requestId = Guid.NewGuid() });
        var tiedToDeal = await RefusedAsync(new { contactId, description = "Mug", value = 5, currency = "USD", givenOn = Today, opportunityId = Guid.NewGuid(), exceptionReason = "Please" });
        var currency = await RefusedAsync(new { contactId, description = "Mug", value = 5, currency = "EUR", givenOn = Today });

        Assert.Equal(("Over the yearly limit per advocate.",
            $"The yearly limit per advocate is 150 USD; Ann Lee has had 120 USD since {since:yyyy-MM-dd}, so 40 USD would make 160 USD. " +
            "Ask for an exception, with a reason, to have it approved anyway."), yearly);
        Assert.Equal("Over the limit per occasion.", occasion.Title);
        Assert.StartsWith("The limit per occasion is 75 USD; 80 USD is over it.", occasion.Detail, StringComparison.Ordinal);
        Assert.Equal("No gift is tied to a reference request or a deal.", tiedToRequest.Title);
        Assert.Contains("specific reference request", tiedToRequest.Detail, StringComparison.Ordinal);
        Assert.Contains("low-grade bribe", tiedToDeal.Detail, StringComparison.Ordinal);
        Assert.Contains("specific deal", tiedToDeal.Detail, StringComparison.Ordinal);
        Assert.Equal(("The gift is not in the policy's currency.",
            "The gift policy counts every limit in USD; a gift in EUR cannot be weighed against them. Record its value in USD."), currency);
        Assert.Equal(before, await CountAsync(contactId));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_changes_nothing()
    {
        var contactId = await AddContactAsync();
        var manager = await ManagerAsync();

        async Task<string[]> InvalidAsync(object body, string field) =>
            await (await manager.PostAsJsonAsync("/api/v1/gifts", body, Ct)).AssertValidationProblemAsync(field);

        Assert.Equal(["value must be more than 0; 0 is not."], await InvalidAsync(new { contactId, description = "Mug", value = 0, currency = "USD", givenOn = Today }, "value"));
        Assert.Equal(["value must be more than 0; -10 is not."], await InvalidAsync(new { contactId, description = "Mug", value = -10, currency = "USD", givenOn = Today }, "value"));
        Assert.Equal(["currency must be an ISO 4217 currency code of three letters, such as USD."],
            await InvalidAsync(new { contactId, description = "Mug", value = 5, currency = "US$", givenOn = Today }, "currency"));
        Assert.Equal(["givenOn cannot be in the future: record a gift once it is given."],
            await InvalidAsync(new { contactId, description = "Mug", value = 5, currency = "USD", givenOn = Today.AddDays(1) }, "givenOn"));
        Assert.Equal(["description is required."], await InvalidAsync(new { contactId, value = 5, currency = "USD", givenOn = Today }, "description"));
        Assert.Equal([$"No contact has the id {Guid.Empty}."],
            await InvalidAsync(new { contactId = Guid.Empty, description = "Mug", value = 5, currency = "USD", givenOn = Today }, "contactId"));
        Assert.Equal(["state must be one of AwaitingApproval, Given, Refused."],
            await (await manager.GetAsync("/api/v1/gifts?state=Lost", Ct)).AssertValidationProblemAsync("state"));
        Assert.Equal((0, 0), await CountAsync(contactId));
    }

    [Fact]
    public async Task The_public_sector_has_the_stricter_limits()
    {
        var contactId = await AddContactAsync("Government");
        var manager = await ManagerAsync();

        using var response = await manager.PostAsJsonAsync("/api/v1/gifts", new { contactId, description = "Lunch", value = 25, currency = "USD", givenOn = Today }, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Over the limit per occasion in the public sector.", problem.GetProperty("title").GetString());
        Assert.StartsWith("The limit per occasion in the public sector is 20 USD; 25 USD is over it.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Given", (await RecordAsync(new { contactId, description = "Coffee", value = 15, currency = "USD", givenOn = Today })).State);
    }

    [Fact]
    public async Task A_gift_above_the_threshold_waits_and_counts_once_approved_with_who_and_why()
    {
        var contactId = await AddContactAsync();
        var admin = await app.AddUserAsync(Roles.Admin);
        using var approver = app.ClientWithToken(await app.CreateTokenAsync(admin.Id));

        var waiting = await RecordAsync(new { contactId, description = "Summit tickets", value = 70, currency = "USD", givenOn = Today });

        Assert.Equal(("AwaitingApproval", "Gifts worth more than 50 USD wait for a reference manager or an admin to approve them."), (waiting.State, waiting.WaitsBecause));
        Assert.Equal((1, 0), await CountAsync(contactId));
        await (await approver.PostAsJsonAsync($"/api/v1/gifts/{waiting.Id}/approve", new { note = "Fine" }, Ct)).AssertValidationProblemAsync("version");
        await (await approver.PostAsJsonAsync($"/api/v1/gifts/{waiting.Id}/approve", new { note = "Fine", version = Guid.NewGuid() }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        using var approved = await approver.PostAsJsonAsync($"/api/v1/gifts/{waiting.Id}/approve", new { version = waiting.Version }, Ct);

        var gift = (await approved.Content.ReadFromJsonAsync<GiftResponse>(Ct))!;
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(("Given", admin.DisplayName is { Length: > 0 } name ? name : admin.Email, 1m), (gift.State, gift.DecidedBy, gift.CreditHours));
        Assert.Equal((1, 1), await CountAsync(contactId));
        await (await approver.PostAsJsonAsync($"/api/v1/gifts/{waiting.Id}/refuse", new { note = "Too late", version = gift.Version }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_exception_over_a_limit_needs_a_reason_to_approve_and_is_audited()
    {
        var contactId = await AddContactAsync();
        var manager = await ManagerAsync();
        await RecordAsync(new { contactId, description = "Course", value = 50, currency = "USD", givenOn = Today.AddDays(-30) });
        await RecordAsync(new { contactId, description = "Dinner", value = 70, currency = "USD", givenOn = Today.AddDays(-60) });

        var exception = await RecordAsync(new { contactId, description = "Wine", value = 40, currency = "USD", givenOn = Today, exceptionReason = "Hosted two site visits" });
        var refused = await RecordAsync(new { contactId, description = "Hamper", value = 40, currency = "USD", givenOn = Today, occasion = "Holidays", exceptionReason = "Holidays" });

        Assert.Equal("AwaitingApproval", exception.State);
        Assert.StartsWith("The yearly limit per advocate is 150 USD;", exception.Exception, StringComparison.Ordinal);
        Assert.Equal("Hosted two site visits", exception.ExceptionReason);
        Assert.Equal(["note is required to approve an exception to the gift policy: say why it is right here."],
            await (await manager.PostAsJsonAsync($"/api/v1/gifts/{exception.Id}/approve", new { version = exception.Version }, Ct)).AssertValidationProblemAsync("note"));
        Assert.Equal(["note is required to refuse a gift: say why, for whoever recorded it."],
            await (await manager.PostAsJsonAsync($"/api/v1/gifts/{refused.Id}/refuse", new { version = refused.Version }, Ct)).AssertValidationProblemAsync("note"));

        var approved = (await (await manager.PostAsJsonAsync($"/api/v1/gifts/{exception.Id}/approve", new { note = "A year of site visits", version = exception.Version }, Ct))
            .Content.ReadFromJsonAsync<GiftResponse>(Ct))!;
        var turnedDown = (await (await manager.PostAsJsonAsync($"/api/v1/gifts/{refused.Id}/refuse", new { note = "Keep it modest", version = refused.Version }, Ct))
            .Content.ReadFromJsonAsync<GiftResponse>(Ct))!;

        Assert.Equal(("Given", "A year of site visits"), (approved.State, approved.DecisionNote));
        Assert.Equal(("Refused", "Keep it modest"), (turnedDown.State, turnedDown.DecisionNote));
        Assert.Equal((4, 2), await CountAsync(contactId));
        var audited = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().AuditEntries
            .Where(a => a.RecordType == nameof(Gift) && a.RecordId == exception.Id.ToString()).Select(a => a.After).ToListAsync(Ct));
        Assert.Contains(audited, after => after!.Contains("A year of site visits", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gift_not_there_is_not_found()
    {
        var manager = await ManagerAsync();

        await (await manager.GetAsync($"/api/v1/gifts/{Guid.NewGuid()}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PostAsJsonAsync($"/api/v1/gifts/{Guid.NewGuid()}/approve", new { version = Guid.NewGuid() }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_seller_cannot_see_gifts()
    {
        using var seller = await app.ClientForAsync(Roles.Seller);

        Assert.Equal(HttpStatusCode.Forbidden, (await seller.GetAsync("/api/v1/gifts", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await seller.GetAsync("/gifts", Ct)).StatusCode);
    }
}

/// <summary>The gift policy as admins set it, in an app of its own: the limits it sets hold for every gift recorded there.</summary>
public sealed class GiftPolicyApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admins_set_the_policy_over_the_version_they_read_and_gifts_follow_it()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var defaults = (await manager.GetFromJsonAsync<GiftPolicyResponse>("/api/v1/gift-policy", Ct))!;
        Assert.Equal(("USD", 150m, 75m, 50m, 20m, 50m, 1m), (defaults.Currency, defaults.YearlyLimit, defaults.OccasionLimit,
            defaults.PublicSectorYearlyLimit, defaults.PublicSectorOccasionLimit, defaults.ApprovalAbove, defaults.HoursPerGift));
        Assert.Equal(["Education", "Government", "Not For Profit"], defaults.PublicSectorIndustries);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync("/api/v1/gift-policy", new { }, Ct)).StatusCode);

        var body = new
        {
            currency = "eur", yearlyLimit = 300, occasionLimit = 100, publicSectorYearlyLimit = 0, publicSectorOccasionLimit = 10,
            approvalAbove = 80, hoursPerGift = 2, publicSectorIndustries = new[] { "Government", "Atlantis" }, version = defaults.Version,
        };
        var errors = (await (await admin.PutAsJsonAsync("/api/v1/gift-policy", body, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["publicSectorIndustries", "publicSectorYearlyLimit"], errors.EnumerateObject().Select(e => e.Name).Order());
        var unchanged = (await manager.GetFromJsonAsync<GiftPolicyResponse>("/api/v1/gift-policy", Ct))!;
        Assert.Equal((defaults.YearlyLimit, defaults.Version), (unchanged.YearlyLimit, unchanged.Version));
        Assert.Equal(defaults.PublicSectorIndustries, unchanged.PublicSectorIndustries);

        var saved = (await (await admin.PutAsJsonAsync("/api/v1/gift-policy", body with { publicSectorYearlyLimit = 40, publicSectorIndustries = new[] { "Government" } }, Ct))
            .Content.ReadFromJsonAsync<GiftPolicyResponse>(Ct))!;

        Assert.Equal(("EUR", 300m, 2m), (saved.Currency, saved.YearlyLimit, saved.HoursPerGift));
        Assert.Equal(["Government"], saved.PublicSectorIndustries);
        await (await admin.PutAsJsonAsync("/api/v1/gift-policy", body with { publicSectorYearlyLimit = 40, publicSectorIndustries = new[] { "Government" } }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var contactId = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var account = new Account { Name = "Policy test" };
            var contact = new Contact { AccountId = account.Id, FirstName = "Bo", LastName = "Berg" };
            db.AddRange(account, contact);
            await db.SaveChangesAsync(Ct);
            return contact.Id;
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var inDollars = await manager.PostAsJsonAsync("/api/v1/gifts", new { contactId, description = "Book", value = 20, currency = "USD", givenOn = today }, Ct);
        Assert.Equal("The gift policy counts every limit in EUR; a gift in USD cannot be weighed against them. Record its value in EUR.",
            (await inDollars.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var gift = (await (await manager.PostAsJsonAsync("/api/v1/gifts", new { contactId, description = "Dinner", value = 80, currency = "EUR", givenOn = today }, Ct))
            .Content.ReadFromJsonAsync<GiftResponse>(Ct))!;
        Assert.Equal(("Given", 2m), (gift.State, gift.CreditHours));
    }
}
