using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Vouch.Features.Digest;

/// <summary>An offer the advocate fits, with the first reason why.</summary>
public sealed record DigestOffer(string Title, DateOnly ClosesOn, string Why);

/// <summary>Something the advocate did for us lately, and what it helped achieve, if we know.</summary>
public sealed record DigestThanks(string Activity, DateOnly On, string? Helped);

/// <summary>The monthly letter to one advocate: offers that fit them, thanks, and the program's news.</summary>
/// <remarks>Links: absolute addresses of the portal's offers page and of the one-click unsubscribe.</remarks>
public sealed record DigestContent(
    string FirstName, string Month, IReadOnlyList<DigestOffer> Offers, IReadOnlyList<DigestThanks> Thanks, IReadOnlyList<string> News,
    string OffersLink, string UnsubscribeLink);

/// <summary>The subject and bodies of a digest; every piece of text from the database is HTML-encoded.</summary>
public sealed record DigestLetter(string Subject, string TextBody, string HtmlBody)
{
    public static DigestLetter Write(DigestContent content)
    {
        var subject = $"Vouch: your {content.Month} digest, {Count(content.Offers.Count, "offer")} for you";
        var text = new StringBuilder($"Hello {content.FirstName},\n\n");
        var html = new StringBuilder($"<!DOCTYPE html><html><body><p>Hello {Encode(content.FirstName)},</p>");
        if (content.Thanks.Count > 0)
        {
            text.Append("Thank you for what you did for us lately:\n");
            html.Append("<h2>Thank you</h2><ul>");
            foreach (var thanks in content.Thanks)
            {
                var line = $"{thanks.Activity} on {Day(thanks.On)}{(thanks.Helped is null ? "" : $": {thanks.Helped}")}";
                text.Append($"- {line}\n");
                html.Append($"<li>{Encode(line)}</li>");
            }
            text.Append('\n');
            html.Append("</ul>");
        }
        if (content.Offers.Count > 0)
        {
            text.Append("Offers we think you would enjoy:\n");
            html.Append("<h2>Offers for you</h2><ul>");
            foreach (var offer in content.Offers)
            {
                text.Append($"- {offer.Title} (until {Day(offer.ClosesOn)}): {offer.Why}\n");
                html.Append($"<li><strong>{Encode(offer.Title)}</strong> (until {Day(offer.ClosesOn)}): {Encode(offer.Why)}</li>");
            }
            text.Append($"See them and apply: {content.OffersLink}\n\n");
            html.Append($"</ul><p><a href=\"{Encode(content.OffersLink)}\">See them and apply</a></p>");
        }
        if (content.News.Count > 0)
        {
            text.Append("News from the program:\n");
            html.Append("<h2>News</h2><ul>");
            foreach (var news in content.News)
            {
                text.Append($"- {news}\n");
                html.Append($"<li>{Encode(news)}</li>");
            }
            text.Append('\n');
            html.Append("</ul>");
        }
        text.Append($"You get this email once a month as one of our advocates. Unsubscribe with one click: {content.UnsubscribeLink}\n");
        html.Append($"<p><small>You get this email once a month as one of our advocates. <a href=\"{Encode(content.UnsubscribeLink)}\">Unsubscribe</a>.</small></p></body></html>");
        return new DigestLetter(subject, text.ToString(), html.ToString());
    }

    private static string Count(int n, string what) => n switch { 0 => $"no new {what}s", 1 => $"1 {what}", _ => $"{n} {what}s" };

    private static string Day(DateOnly day) => day.ToString("d MMMM", CultureInfo.InvariantCulture);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
