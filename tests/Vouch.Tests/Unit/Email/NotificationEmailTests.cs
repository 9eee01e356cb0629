using Microsoft.Extensions.Configuration;
using Vouch.Features.Email;
using Vouch.Hosting;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Unit.Email;

public sealed class NotificationEmailTests
{
    private static readonly Uri s_publicUrl = new("https://vouch.example.com/app/");

    /// <summary>The email to a user who chose <paramref name="language"/> (null: none).</summary>
    private static NotificationEmail Write(string text, string? link, string? language = null) =>
        Languages.WriteIn(language, () => NotificationEmail.For(text, link, s_publicUrl, AppStrings.Localizer));

    [Fact]
    public void Links_are_built_on_the_public_address_with_its_path()
    {
        var email = Write("“Dark mode” is now planned.", "/ideas/42");

        Assert.Equal("Vouch: “Dark mode” is now planned.", email.Subject);
        Assert.Equal(
            "“Dark mode” is now planned.\n\nOpen it in Vouch: https://vouch.example.com/app/ideas/42\n\n"
            + "You get this email because you have email notifications on. Turn them off at https://vouch.example.com/app/settings\n",
            email.TextBody);
        Assert.Contains("<a href=\"https://vouch.example.com/app/ideas/42\">Open it in Vouch</a>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_who_chose_German_reads_the_email_in_German_around_the_notification_stored_in_English()
    {
        var email = Write("“Dark mode” is now planned.", "/ideas/42", "de");

        Assert.Equal("Vouch: “Dark mode” is now planned.", email.Subject);
        Assert.Equal(
            "“Dark mode” is now planned.\n\nIn Vouch öffnen: https://vouch.example.com/app/ideas/42\n\n"
            + "Sie erhalten diese E-Mail, weil Sie E-Mail-Benachrichtigungen eingeschaltet haben. Ausschalten können Sie sie unter https://vouch.example.com/app/settings\n",
            email.TextBody);
        Assert.Contains("<a href=\"https://vouch.example.com/app/ideas/42\">In Vouch &#xF6;ffnen</a>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://vouch.example.com/app/settings\">Ausschalten</a>.", email.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("fr")]
    public void A_user_with_no_language_or_one_Vouch_does_not_speak_reads_English(string? language)
    {
        var email = Write("Planned.", "/ideas/42", language);

        Assert.Equal(Write("Planned.", "/ideas/42"), email);
        Assert.StartsWith("Planned.\n\nOpen it in Vouch: https://vouch.example.com/app/ideas/42\n\nYou get this email", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void User_text_is_encoded_in_the_html_body()
    {
        var email = Write("<script>alert(1)</script> & more\nsecond line", null);

        Assert.Contains("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more<br>second line</p>", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Open it in Vouch", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Vouch: <script>alert(1)</script> & more second line", email.Subject);
    }

    [Fact]
    public void A_long_notification_is_shortened_in_the_subject_only()
    {
        var text = new string('x', 500);

        var email = Write(text, null);

        Assert.Equal(OutboundEmail.SubjectMaxLength, email.Subject.Length);
        Assert.EndsWith("x…", email.Subject, StringComparison.Ordinal);
        Assert.StartsWith(text + "\n", email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "00:01:00")]
    [InlineData(2, "00:02:00")]
    [InlineData(4, "00:08:00")]
    [InlineData(7, "01:00:00")]
    public void Each_failure_doubles_the_wait_up_to_the_ceiling(int failedAttempts, string wait)
    {
        Assert.Equal(TimeSpan.Parse(wait, System.Globalization.CultureInfo.InvariantCulture),
            RetrySchedule.NextDelay(failedAttempts, maxAttempts: 8, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void The_last_failed_attempt_gives_the_email_up()
    {
        Assert.Null(RetrySchedule.NextDelay(8, maxAttempts: 8, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(1), RetrySchedule.NextDelay(1_000, maxAttempts: 2_000, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData("Email:PickupFolder=mail", "Email is configured but Vouch:PublicUrl is not: set it to the address users open Vouch at, e.g. https://vouch.example.com.")]
    [InlineData("Email:Smtp:Host=smtp.example.com;Vouch:PublicUrl=https://v.example.com;Email:Smtp:Security=Tls", "Email:Smtp:Security is 'Tls', which is not a valid value.")]
    [InlineData("Email:Smtp:Host=smtp.example.com;Vouch:PublicUrl=ftp://v.example.com", "Vouch:PublicUrl is 'ftp://v.example.com', which is not a valid value.")]
    [InlineData("Email:Smtp:Host=smtp.example.com;Vouch:PublicUrl=https://v.example.com;Email:Smtp:Port=0", "Email:Smtp:Port is '0', which is not a valid value.")]
    [InlineData("Email:Smtp:Host=smtp.example.com;Vouch:PublicUrl=https://v.example.com;Email:Smtp:From=nobody", "Email:Smtp:From is 'nobody'; it must be an address like Vouch <vouch@example.com>.")]
    public void A_mistake_in_the_settings_is_named_at_start(string settings, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            settings.Split(';').Select(s => s.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], (string?)p[1]))).Build();

        var error = Assert.Throws<SettingsException>(() => EmailSettings.FromConfiguration(configuration));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Without_a_server_or_folder_email_is_off()
    {
        var settings = EmailSettings.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.False(settings.IsConfigured);
    }
}
