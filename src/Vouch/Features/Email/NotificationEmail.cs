using System.Text.Encodings.Web;

namespace Vouch.Features.Email;

/// <summary>The subject and bodies of the email that tells a user of a notification.</summary>
public sealed record NotificationEmail(string Subject, string TextBody, string HtmlBody)
{
    public const string SettingsPath = "/settings";

    /// <summary>
    /// The subject is the notification itself, shortened to fit; the bodies repeat it in full with a link to the page it is
    /// about, and say where to stop these emails. Every piece of user text is HTML-encoded.
    /// </summary>
    public static NotificationEmail For(string text, string? link, Uri publicUrl)
    {
        var oneLine = string.Join(' ', text.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        const string Prefix = "Vouch: ";
        var room = OutboundEmail.SubjectMaxLength - Prefix.Length;
        var subject = Prefix + (oneLine.Length > room ? oneLine[..(room - 1)] + "…" : oneLine);
        var page = link is null ? null : Absolute(publicUrl, link);
        var settings = Absolute(publicUrl, SettingsPath);

        var textBody = text + "\n\n"
            + (page is null ? "" : $"Open it in Vouch: {page}\n\n")
            + $"You get this email because you have email notifications on. Turn them off at {settings}\n";
        var html = HtmlEncoder.Default;
        var htmlBody = "<!DOCTYPE html><html><body>"
            + $"<p>{html.Encode(text).Replace("&#xA;", "<br>", StringComparison.Ordinal)}</p>"
            + (page is null ? "" : $"<p><a href=\"{html.Encode(page)}\">Open it in Vouch</a></p>")
            + $"<p style=\"color:#666;font-size:small\">You get this email because you have email notifications on. "
            + $"<a href=\"{html.Encode(settings)}\">Turn them off</a>.</p>"
            + "</body></html>";
        return new NotificationEmail(subject, textBody, htmlBody);
    }

    /// <summary>A link inside Vouch (<c>/ideas/…</c>) on the public address, which may itself have a path.</summary>
    public static string Absolute(Uri publicUrl, string path) => publicUrl.AbsoluteUri.TrimEnd('/') + "/" + path.TrimStart('/');
}
