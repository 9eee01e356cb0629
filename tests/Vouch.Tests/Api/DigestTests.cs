using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Digest;
using Vouch.Features.Email;
using Vouch.Features.Offers;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

/// <summary>The monthly advocate digest: what it says, that it goes once a month, and the one click that stops it.</summary>
public sealed partial class DigestTests(EmailApp.WithPickupFolder app) : IClassFixture<EmailApp.WithPickupFolder>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"/digest/unsubscribe\?token=([^\s""]+)")]
    private static partial Regex UnsubscribeLink();

    [Fact]
    public void A_letter_thanks_offers_and_tells_the_news_with_every_text_encoded()
    {
        var letter = Languages.WriteIn(null, () => DigestLetter.Write(new DigestContent(
            "Ana <b>", "December",
            [new DigestOffer("Speak at the <Summit>", new DateOnly(2027, 1, 15), "wants reputation — a speaking slot gives it")],
            [new DigestThanks("Reference call", new DateOnly(2026, 11, 20), "it helped us win Kea Freight as a customer")],
            ["Delivered, as customers asked: Dark mode"],
            "https://vouch.example.com/portal/offers", "https://vouch.example.com/digest/unsubscribe?token=x"), AppStrings.Localizer));

        Assert.Equal("Vouch: your December digest, 1 offer for you", letter.Subject);
        Assert.Equal(
            "Hello Ana <b>,\n\n"
            + "Thank you for what you did for us lately:\n- Reference call on 20 November: it helped us win Kea Freight as a customer\n\n"
            + "Offers we think you would enjoy:\n- Speak at the <Summit> (until 15 January): wants reputation — a speaking slot gives it\n"
            + "See them and apply: https://vouch.example.com/portal/offers\n\n"
            + "News from the program:\n- Delivered, as customers asked: Dark mode\n\n"
            + "You get this email once a month as one of our advocates. Unsubscribe with one click: https://vouch.example.com/digest/unsubscribe?token=x\n",
            letter.TextBody);
        Assert.Contains("<p>Hello Ana &lt;b&gt;,</p>", letter.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<strong>Speak at the &lt;Summit&gt;</strong>", letter.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<Summit>", letter.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_in_German_says_everything_around_the_data_in_German_with_German_dates()
    {
        var letter = Languages.WriteIn("de", () => DigestLetter.Write(new DigestContent(
            "Ana <b>", "Dezember",
            [new DigestOffer("Speak at the <Summit>", new DateOnly(2027, 1, 15), "wants reputation")],
            [new DigestThanks("Reference call", new DateOnly(2026, 11, 20), null)],
            [],
            "https://vouch.example.com/portal/offers", "https://vouch.example.com/digest/unsubscribe?token=x"), AppStrings.Localizer));

        Assert.Equal("Vouch: Ihre Zusammenfassung für Dezember, 1 Angebot für Sie", letter.Subject);
        Assert.Equal(
            "Hallo Ana <b>,\n\n"
            + "Danke für das, was Sie in letzter Zeit für uns getan haben:\n- Reference call am 20. November\n\n"
            + "Angebote, die Ihnen gefallen könnten:\n- Speak at the <Summit> (bis 15. Januar): wants reputation\n"
            + "Ansehen und bewerben: https://vouch.example.com/portal/offers\n\n"
            + "Sie erhalten diese E-Mail einmal im Monat, weil Sie zu unseren Fürsprechern gehören. Mit einem Klick abbestellen: https://vouch.example.com/digest/unsubscribe?token=x\n",
            letter.TextBody);
        Assert.Contains("<p>Hallo Ana &lt;b&gt;,</p>", letter.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://vouch.example.com/digest/unsubscribe?token=x\">Abbestellen</a>", letter.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_advocate_who_chose_German_gets_the_digest_in_German_and_one_who_chose_nothing_in_English()
    {
        var (german, _) = await app.AddPeopleAsync();
        var (english, _) = await app.AddPeopleAsync();
        await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Users.Where(u => u.Id == german.AdvocateUserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "de"), Ct));

        await app.WithScopeAsync(services => services.GetRequiredService<AdvocateDigests>().SendDueAsync("test", Ct));

        Task<OutboundEmail> DigestToAsync(Guid userId) => app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>()
            .OutboundEmails.SingleAsync(e => e.UserId == userId, Ct));
        var month = DateTime.UtcNow;
        var inGerman = await DigestToAsync(german.AdvocateUserId);
        var inEnglish = await DigestToAsync(english.AdvocateUserId);
        Assert.StartsWith($"Vouch: Ihre Zusammenfassung für {month.ToString("MMMM", CultureInfo.GetCultureInfo("de"))}, ", inGerman.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Hallo ", inGerman.TextBody, StringComparison.Ordinal);
        Assert.Contains("Mit einem Klick abbestellen: ", inGerman.TextBody, StringComparison.Ordinal);
        Assert.StartsWith($"Vouch: your {month.ToString("MMMM", CultureInfo.InvariantCulture)} digest, ", inEnglish.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Hello ", inEnglish.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_advocate_gets_one_digest_a_month_until_they_unsubscribe_with_one_click()
    {
        var (people, advocate) = await app.AddPeopleAsync(c => c.SocialCapitalWanted = Features.Contacts.SocialCapital.Reputation);
        var manager = app.ClientWithToken(await app.CreateTokenAsync((await app.AddUserAsync(Roles.ReferenceManager)).Id));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var offer = await manager.PostAsJsonAsync("/api/v1/offers", new
        {
            title = $"Keynote slot {Guid.NewGuid():N}"[..20], kind = "SpeakingSlot", gives = new[] { "Reputation" }, opensOn = today, closesOn = today.AddDays(30),
            capacity = 3,
        }, Ct);
        var offerId = (await offer.Content.ReadFromJsonAsync<OfferResponse>(Ct))!.Id;
        (await manager.PostAsync($"/api/v1/offers/{offerId}/open", null, Ct)).EnsureSuccessStatusCode();

        var preview = await manager.GetFromJsonAsync<DigestLetter>($"/api/v1/contacts/{advocate.ContactId}/digest", Ct);
        Assert.Contains("Keynote slot", preview!.TextBody, StringComparison.Ordinal);
        await (await manager.GetAsync($"/api/v1/contacts/{Guid.NewGuid()}/digest", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        async Task<List<OutboundEmail>> DigestsAsync() => await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>()
            .OutboundEmails.Where(e => e.UserId == people.AdvocateUserId && e.Subject.Contains("digest")).ToListAsync(Ct));
        Task<int> SendAsync() => app.WithScopeAsync(services => services.GetRequiredService<AdvocateDigests>().SendDueAsync("test", Ct));

        Assert.True(await SendAsync() >= 1);
        await SendAsync();
        var sent = Assert.Single(await DigestsAsync());
        Assert.Contains("Keynote slot", sent.TextBody, StringComparison.Ordinal);

        var token = UnsubscribeLink().Match(sent.TextBody).Groups[1].Value;
        var forged = await app.CreateClient().GetStringAsync("/digest/unsubscribe?token=forged", Ct);
        var unsubscribed = await app.CreateClient().GetStringAsync($"/digest/unsubscribe?token={token}", Ct);
        Assert.Contains("This link does not work", forged, StringComparison.Ordinal);
        Assert.Contains("You are unsubscribed", unsubscribed, StringComparison.Ordinal);
        Assert.False(await app.WithScopeAsync(services =>
            services.GetRequiredService<VouchDbContext>().Users.Where(u => u.Id == people.AdvocateUserId).Select(u => u.ReceivesDigest).SingleAsync(Ct)));
        // Next month they get none.
        await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Users.Where(u => u.Id == people.AdvocateUserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestSentFor, "2000-01"), Ct));
        await SendAsync();
        Assert.Single(await DigestsAsync());
    }
}
