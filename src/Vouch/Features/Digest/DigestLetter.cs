using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Vouch.Resources;

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

/// <summary>
/// The subject and bodies of a digest, in the language <c>text</c> speaks and with its dates; every piece of text from the
/// database is HTML-encoded.
/// </summary>
public sealed record DigestLetter(string Subject, string TextBody, string HtmlBody)
{
    public static DigestLetter Write(DigestContent content, IStringLocalizer<Strings> text)
    {
        var subject = content.Offers.Count switch
        {
            0 => text["Vouch: your {0} digest, no new offers for you", content.Month],
            1 => text["Vouch: your {0} digest, 1 offer for you", content.Month],
            var n => text["Vouch: your {0} digest, {1} offers for you", content.Month, n],
        };
        var hello = text["Hello {0},", content.FirstName];
        var plain = new StringBuilder($"{hello}\n\n");
        var html = new StringBuilder($"<!DOCTYPE html><html><body><p>{Encode(hello)}</p>");
        if (content.Thanks.Count > 0)
        {
            plain.Append($"{text["Thank you for what you did for us lately:"]}\n");
            html.Append($"<h2>{Encode(text["Thank you"])}</h2><ul>");
            foreach (var thanks in content.Thanks)
            {
                string line = thanks.Helped is null
                    ? text["{0} on {1}", thanks.Activity, Day(thanks.On, text)]
                    : text["{0} on {1}: {2}", thanks.Activity, Day(thanks.On, text), thanks.Helped];
                plain.Append($"- {line}\n");
                html.Append($"<li>{Encode(line)}</li>");
            }
            plain.Append('\n');
            html.Append("</ul>");
        }
        if (content.Offers.Count > 0)
        {
            plain.Append($"{text["Offers we think you would enjoy:"]}\n");
            html.Append($"<h2>{Encode(text["Offers for you"])}</h2><ul>");
            foreach (var offer in content.Offers)
            {
                var until = text["(until {0})", Day(offer.ClosesOn, text)];
                plain.Append($"- {offer.Title} {until}: {offer.Why}\n");
                html.Append($"<li><strong>{Encode(offer.Title)}</strong> {Encode(until)}: {Encode(offer.Why)}</li>");
            }
            plain.Append($"{text["See them and apply: {0}", content.OffersLink]}\n\n");
            html.Append($"</ul><p><a href=\"{Encode(content.OffersLink)}\">{Encode(text["See them and apply"])}</a></p>");
        }
        if (content.News.Count > 0)
        {
            plain.Append($"{text["News from the program:"]}\n");
            html.Append($"<h2>{Encode(text["News"])}</h2><ul>");
            foreach (var news in content.News)
            {
                plain.Append($"- {news}\n");
                html.Append($"<li>{Encode(news)}</li>");
            }
            plain.Append('\n');
            html.Append("</ul>");
        }
        plain.Append($"{text["You get this email once a month as one of our advocates. Unsubscribe with one click: {0}", content.UnsubscribeLink]}\n");
        html.Append($"<p><small>{Encode(text["You get this email once a month as one of our advocates."])} "
            + $"<a href=\"{Encode(content.UnsubscribeLink)}\">{Encode(text["Unsubscribe"])}</a>.</small></p></body></html>");
        return new DigestLetter(subject, plain.ToString(), html.ToString());
    }

    private static string Day(DateOnly day, IStringLocalizer<Strings> text) => day.ToString(text["d MMMM"], CultureInfo.CurrentCulture);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
