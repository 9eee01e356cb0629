using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Data;
using Vouch.Features.Requests;
using Vouch.Tests.Api;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Email;

/// <summary>Each step of a request tells the people it waits on in the app and by email, with a link to where they act.</summary>
public sealed class RequestEmailTests(EmailApp.WithPickupFolder app) : IClassFixture<EmailApp.WithPickupFolder>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<List<(string Subject, string Text)>> EmailsToAsync(Guid userId) => app.WithScopeAsync(async services =>
        (await services.GetRequiredService<VouchDbContext>().OutboundEmails.AsNoTracking()
            .Where(e => e.UserId == userId).OrderBy(e => e.CreatedAt).Select(e => new { e.Subject, e.TextBody }).ToListAsync(Ct))
            .Select(e => (e.Subject, e.TextBody)).ToList());

    [Fact]
    public async Task The_owner_is_emailed_for_consent_and_the_advocate_for_their_answer()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        using var created = await people.Seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20) }, Ct);
        var request = (await created.Content.ReadFromJsonAsync<RequestResponse>(Ct))!;
        using var assigned = await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct);
        var proposed = (await assigned.Content.ReadFromJsonAsync<RequestResponse>(Ct))!;
        (await people.Owner.PostAsJsonAsync($"/api/v1/requests/{request.Id}/owner-consent", new { decision = "approve" }, Ct)).Dispose();

        var (subject, text) = Assert.Single(await EmailsToAsync(people.OwnerId));
        Assert.StartsWith($"Vouch: Your consent is needed: ", subject, StringComparison.Ordinal);
        Assert.Contains($"asks {proposed.Contact} of {proposed.Account} for a reference call.", text, StringComparison.Ordinal);
        Assert.Contains($"Open it in Vouch: {EmailApp.PublicUrl}/requests/{request.Id}", text, StringComparison.Ordinal);
        var (advocateSubject, advocateText) = Assert.Single(await EmailsToAsync(people.AdvocateUserId));
        Assert.StartsWith($"Vouch: {proposed.Contact} is asked for a reference call needed by ", advocateSubject, StringComparison.Ordinal);
        Assert.Contains($"Open it in Vouch: {EmailApp.PublicUrl}/portal", advocateText, StringComparison.Ordinal);
        // The seller who asked is told the owner consented; nobody is emailed about their own step.
        Assert.Single(await EmailsToAsync(people.SellerId));
    }
}
