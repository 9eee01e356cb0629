using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Vouch.Resources;

namespace Vouch.Features.Email;

/// <summary>The subject and bodies of the email that tells a user of a notification.</summary>
public sealed record NotificationEmail(string Subject, string TextBody, string HtmlBody)
{
    public const string SettingsPath = "/settings";

    /// <summary>
    /// The subject is the notification itself, shortened to fit; the bodies repeat it in full with a link to the page it is
    /// about, and say where to stop these emails. Every piece of user text is HTML-encoded. The notification's text is
    /// stored in English when it is made; what the email says around it is in the language <paramref name="text"/> speaks.
    /// </summary>
    public static NotificationEmail For(string notification, string? link, Uri publicUrl, IStringLocalizer<Strings> text)
    {
        var oneLine = string.Join(' ', notification.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var room = OutboundEmail.SubjectMaxLength - text["Vouch: {0}", ""].Value.Length;
        var subject = text["Vouch: {0}", oneLine.Length > room ? oneLine[..(room - 1)] + "…" : oneLine].Value;
        var page = link is null ? null : Absolute(publicUrl, link);
        var settings = Absolute(publicUrl, SettingsPath);

        var textBody = notification + "\n\n"
            + (page is null ? "" : text["Open it in Vouch: {0}", page] + "\n\n")
            + text["You get this email because you have email notifications on. Turn them off at {0}", settings] + "\n";
        var html = HtmlEncoder.Default;
        var htmlBody = "<!DOCTYPE html><html><body>"
            + $"<p>{html.Encode(notification).Replace("&#xA;", "<br>", StringComparison.Ordinal)}</p>"
            + (page is null ? "" : $"<p><a href=\"{html.Encode(page)}\">{html.Encode(text["Open it in Vouch"])}</a></p>")
            + $"<p style=\"color:#666;font-size:small\">{html.Encode(text["You get this email because you have email notifications on."])} "
            + $"<a href=\"{html.Encode(settings)}\">{html.Encode(text["Turn them off"])}</a>.</p>"
            + "</body></html>";
        return new NotificationEmail(subject, textBody, htmlBody);
    }

    /// <summary>A link inside Vouch (<c>/ideas/…</c>) on the public address, which may itself have a path.</summary>
    public static string Absolute(Uri publicUrl, string path) => publicUrl.AbsoluteUri.TrimEnd('/') + "/" + path.TrimStart('/');
}
