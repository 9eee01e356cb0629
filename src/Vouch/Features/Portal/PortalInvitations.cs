using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Email;
using Vouch.Features.Users;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Portal;

/// <summary>What an invitation became, for the reference team; the link itself goes only to the advocate.</summary>
public sealed record InvitationResponse(Guid ContactId, string Email, DateTimeOffset ExpiresAt);

/// <summary>What an invitation link opens, for the welcome page.</summary>
public sealed record InvitationWelcome(string Name, string Email);

/// <summary>Invites customer contacts to the portal and lets them in once, by the link in their email.</summary>
public sealed class PortalInvitations(
    VouchDbContext db, UserManager<User> users, EmailSettings email, CurrentUser inviter, IOptions<PortalOptions> options, TimeProvider clock,
    IStringLocalizer<Strings> text)
{
    public const string WelcomePath = "/portal/welcome";

    /// <summary>
    /// Makes the contact a portal login without a password (or reuses the one they have not yet opened) and emails
    /// them a link to set one. Links sent before stop working, so only the newest opens the door.
    /// </summary>
    public async Task<CommandResult<InvitationResponse>> InviteAsync(Guid contactId, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return Refusal.NotFound("The contact");
        }
        if (string.IsNullOrWhiteSpace(contact.Email))
        {
            return Refusal.Invalid("email", $"{contact.FullName} has no email address to send the invitation to: add one to the contact first.");
        }
        if (!email.IsConfigured)
        {
            return Refusal.Conflict("Vouch does not send email.", "An admin sets up email (SMTP or a pickup folder) before advocates can be invited.");
        }
        var address = contact.Email.Trim();
        var user = await users.FindByEmailAsync(address);
        if (user is not null && (user.ContactId != contact.Id || !await users.IsInRoleAsync(user, Roles.Advocate)))
        {
            return Refusal.Conflict($"The email {address} already signs in to Vouch as someone else.",
                "Give the contact their own email address, or link that login to the contact under Users.");
        }
        if (user is not null && await users.HasPasswordAsync(user))
        {
            return Refusal.Conflict($"{contact.FullName} already has a portal login.", $"They sign in with {address}; a forgotten password is reset from the sign-in page.");
        }

        var now = clock.GetUtcNow();
        if (user is null)
        {
            user = new User { UserName = address, Email = address, DisplayName = contact.FullName, CreatedAt = now, ContactId = contact.Id };
            var created = await users.CreateAsync(user);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, Roles.Advocate);
            }
            if (!created.Succeeded)
            {
                return Refusal.Invalid("email", string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }
        await db.Set<AdvocateInvitation>().Where(i => i.ContactId == contact.Id && i.AcceptedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, now), ct);

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var invitation = new AdvocateInvitation
        {
            ContactId = contact.Id, UserId = user.Id, TokenHash = Hash(token), InvitedById = inviter.Id, CreatedAt = now,
            ExpiresAt = now.AddDays(options.Value.InvitationDays),
        };
        db.Add(invitation);
        db.Add(Languages.WriteIn(user.Language, () => InvitationEmail(user, contact.FirstName, token, invitation.ExpiresAt, now)));
        await db.SaveChangesAsync(ct);
        return new InvitationResponse(contact.Id, address, invitation.ExpiresAt);
    }

    /// <summary>Who the link invites, or why it opens nothing.</summary>
    public async Task<CommandResult<InvitationWelcome>> OpenAsync(string? token, CancellationToken ct)
    {
        var found = await FindAsync(token, ct);
        return found.Succeeded ? new InvitationWelcome(found.Value.Contact!.FullName, found.Value.Contact.Email!) : found.Refusal;
    }

    /// <summary>
    /// Sets the password the advocate chose and spends the link, once: of two uses at the same moment, one wins and
    /// the other is told the link was used.
    /// </summary>
    public async Task<CommandResult<User>> AcceptAsync(string? token, string? password, CancellationToken ct)
    {
        var found = await FindAsync(token, ct);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }
        var invitation = found.Value;
        var user = await users.FindByIdAsync(invitation.UserId.ToString());
        if (user is null || user.IsDisabled)
        {
            return Refusal.Invalid("token", "This invitation is no longer valid: ask the reference team for a new one.");
        }
        var errors = new ValidationErrors();
        errors.Required("password", password, 200);
        foreach (var validator in errors.IsEmpty ? users.PasswordValidators : [])
        {
            foreach (var error in (await validator.ValidateAsync(users, user, password!)).Errors)
            {
                errors.Add("password", error.Description);
            }
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var spent = await db.Set<AdvocateInvitation>().Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), ct);
        if (spent == 0)
        {
            return Used;
        }
        user.EmailConfirmed = true;
        var set = await users.HasPasswordAsync(user) ? IdentityResult.Success : await users.AddPasswordAsync(user, password!);
        return set.Succeeded ? user : Refusal.Invalid("password", string.Join(" ", set.Errors.Select(e => e.Description)));
    }

    private static readonly Refusal Used =
        Refusal.Invalid("token", "This invitation link was already used. Sign in with your email and password, or ask the reference team for a new link.");

    private async Task<CommandResult<AdvocateInvitation>> FindAsync(string? token, CancellationToken ct)
    {
        var hash = string.IsNullOrWhiteSpace(token) ? null : Hash(token.Trim());
        var invitation = hash is null ? null : await db.Set<AdvocateInvitation>().AsNoTracking().Include(i => i.Contact)
            .SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation?.Contact is null)
        {
            return Refusal.Invalid("token", "This invitation link is not valid. Check that the whole link was copied, or ask the reference team for a new one.");
        }
        if (invitation.AcceptedAt is not null)
        {
            return Used;
        }
        return invitation.ExpiresAt <= clock.GetUtcNow()
            ? Refusal.Invalid("token", $"This invitation link expired on {invitation.ExpiresAt.UtcDateTime:d MMMM yyyy}. Ask the reference team for a new one.")
            : invitation;
    }

    /// <summary>The email with the link, in the language it is written in.</summary>
    private OutboundEmail InvitationEmail(User user, string firstName, string token, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var link = NotificationEmail.Absolute(email.PublicUrl!, $"{WelcomePath}?token={token}");
        var until = expiresAt.UtcDateTime.ToString(text["d MMMM yyyy"], CultureInfo.CurrentCulture);
        var invited = text["You are invited to our advocate portal: see what we ask of you and what we offer you, say how often we may ask, and share your ideas."];
        var html = HtmlEncoder.Default;
        var plain = new StringBuilder()
            .Append($"{text["Hello {0},", firstName]}\n\n")
            .Append($"{invited}\n\n")
            .Append($"{text["Choose your password here (the link works once, until {0}):", until]}\n{link}\n");
        return new OutboundEmail
        {
            UserId = user.Id,
            To = user.Email!,
            Subject = text["Vouch: your invitation to our advocate portal"],
            TextBody = plain.ToString(),
            HtmlBody = "<!DOCTYPE html><html><body>"
                + $"<p>{html.Encode(text["Hello {0},", firstName])}</p>"
                + $"<p>{html.Encode(invited)}</p>"
                + $"<p><a href=\"{html.Encode(link)}\">{html.Encode(text["Choose your password"])}</a> {html.Encode(text["(the link works once, until {0}).", until])}</p>"
                + "</body></html>",
            CreatedAt = now,
            Status = OutboundEmailStatus.Pending,
            NextAttemptAt = now,
        };
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>The advocate portal's settings.</summary>
public sealed class PortalOptions
{
    /// <summary>Days an invitation link works.</summary>
    public int InvitationDays { get; set; } = 7;
}
