using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddThePrograms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referral_AccountId",
                table: "Referral");

            migrationBuilder.AddColumn<Guid>(
                name: "OpportunityId",
                table: "Referral",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Board",
                table: "Ideas",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Customer");

            migrationBuilder.CreateTable(
                name: "AccountReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScheduledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Health = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountReviews_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Defence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Where = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Severity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    LoggedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    LoggedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Defence", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmployeeRelative",
                columns: table => new
                {
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Relation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmployeeRelative", x => x.ContactId);
                    table.ForeignKey(
                        name: "FK_EmployeeRelative_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Topic = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Place = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    HostAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Events_Accounts_HostAccountId",
                        column: x => x.HostAccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ExecutiveConversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExecutiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: true),
                    ProductUse = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Value = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Sentiment = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Feeling = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Learned = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FollowUps = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FollowUpsDone = table.Column<bool>(type: "boolean", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutiveConversations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExecutiveConversations_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExecutiveConversations_AspNetUsers_ExecutiveId",
                        column: x => x.ExecutiveId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExecutiveConversations_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExecutiveConversations_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ExecutiveSponsors",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExecutiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutiveSponsors", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_ExecutiveSponsors_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExecutiveSponsors_AspNetUsers_ExecutiveId",
                        column: x => x.ExecutiveId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExecutiveTargets",
                columns: table => new
                {
                    ExecutiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationsPerYear = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutiveTargets", x => x.ExecutiveId);
                    table.ForeignKey(
                        name: "FK_ExecutiveTargets_AspNetUsers_ExecutiveId",
                        column: x => x.ExecutiveId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MergedReferral",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferredById = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MergedReferral", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MergedReferral_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MergedReferral_Contacts_ReferredById",
                        column: x => x.ReferredById,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MergedReferral_Referral_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referral",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralMove",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralMove", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralMove_AspNetUsers_ById",
                        column: x => x.ById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReferralMove_Referral_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referral",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewCampaign",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Site = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SiteName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TargetCount = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RefreshAfterMonths = table.Column<int>(type: "integer", nullable: true),
                    Incentive = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IncentiveDisclosure = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewCampaign", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Escalations_AccountReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "AccountReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Escalations_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DefenceResponse",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DefenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AnswerUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DefenceResponse", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DefenceResponse_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DefenceResponse_Defence_DefenceId",
                        column: x => x.DefenceId,
                        principalTable: "Defence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DefenceResponse_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "EventAttendees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Company = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    Role = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CheckedInAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventAttendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventAttendees_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EventAttendees_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventAttendees_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventSpeakers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    AskEngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    GiveEngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventSpeakers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventSpeakers_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventSpeakers_Engagements_AskEngagementId",
                        column: x => x.AskEngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventSpeakers_Engagements_GiveEngagementId",
                        column: x => x.GiveEngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventSpeakers_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewInvitation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewInvitation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewInvitation_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewInvitation_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReviewInvitation_ReviewCampaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ReviewCampaign",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referral_AccountId_CreatedAt",
                table: "Referral",
                columns: new[] { "AccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referral_OpportunityId",
                table: "Referral",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_Referral_Status_CreatedAt",
                table: "Referral",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountReviews_AccountId_ScheduledOn",
                table: "AccountReviews",
                columns: new[] { "AccountId", "ScheduledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountReviews_ScheduledOn",
                table: "AccountReviews",
                column: "ScheduledOn");

            migrationBuilder.CreateIndex(
                name: "IX_Defence_OccurredOn_Id",
                table: "Defence",
                columns: new[] { "OccurredOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DefenceResponse_ContactId",
                table: "DefenceResponse",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_DefenceResponse_DefenceId_ContactId",
                table: "DefenceResponse",
                columns: new[] { "DefenceId", "ContactId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DefenceResponse_EngagementId",
                table: "DefenceResponse",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_AccountId_ClosedOn",
                table: "Escalations",
                columns: new[] { "AccountId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_ReviewId",
                table: "Escalations",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_EventAttendees_AccountId",
                table: "EventAttendees",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_EventAttendees_ContactId",
                table: "EventAttendees",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_EventAttendees_EventId_CheckedInAt",
                table: "EventAttendees",
                columns: new[] { "EventId", "CheckedInAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EventAttendees_EventId_Email",
                table: "EventAttendees",
                columns: new[] { "EventId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_HostAccountId",
                table: "Events",
                column: "HostAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_StartsAt_Id",
                table: "Events",
                columns: new[] { "StartsAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EventSpeakers_AskEngagementId",
                table: "EventSpeakers",
                column: "AskEngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_EventSpeakers_ContactId",
                table: "EventSpeakers",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_EventSpeakers_EventId_ContactId",
                table: "EventSpeakers",
                columns: new[] { "EventId", "ContactId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventSpeakers_GiveEngagementId",
                table: "EventSpeakers",
                column: "GiveEngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveConversations_AccountId_HeldOn",
                table: "ExecutiveConversations",
                columns: new[] { "AccountId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveConversations_ContactId",
                table: "ExecutiveConversations",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveConversations_EngagementId",
                table: "ExecutiveConversations",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveConversations_ExecutiveId_HeldOn",
                table: "ExecutiveConversations",
                columns: new[] { "ExecutiveId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveConversations_HeldOn",
                table: "ExecutiveConversations",
                column: "HeldOn");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveSponsors_ExecutiveId",
                table: "ExecutiveSponsors",
                column: "ExecutiveId");

            migrationBuilder.CreateIndex(
                name: "IX_MergedReferral_RecordedById",
                table: "MergedReferral",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_MergedReferral_ReferralId",
                table: "MergedReferral",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_MergedReferral_ReferredById",
                table: "MergedReferral",
                column: "ReferredById");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralMove_ById",
                table: "ReferralMove",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralMove_ReferralId_At",
                table: "ReferralMove",
                columns: new[] { "ReferralId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCampaign_StartsOn_Id",
                table: "ReviewCampaign",
                columns: new[] { "StartsOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewInvitation_CampaignId_ContactId",
                table: "ReviewInvitation",
                columns: new[] { "CampaignId", "ContactId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewInvitation_ContactId_ReviewedAt",
                table: "ReviewInvitation",
                columns: new[] { "ContactId", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewInvitation_EngagementId",
                table: "ReviewInvitation",
                column: "EngagementId");

            migrationBuilder.AddForeignKey(
                name: "FK_Referral_Opportunities_OpportunityId",
                table: "Referral",
                column: "OpportunityId",
                principalTable: "Opportunities",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Referral_Opportunities_OpportunityId",
                table: "Referral");

            migrationBuilder.DropTable(
                name: "DefenceResponse");

            migrationBuilder.DropTable(
                name: "EmployeeRelative");

            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropTable(
                name: "EventAttendees");

            migrationBuilder.DropTable(
                name: "EventSpeakers");

            migrationBuilder.DropTable(
                name: "ExecutiveConversations");

            migrationBuilder.DropTable(
                name: "ExecutiveSponsors");

            migrationBuilder.DropTable(
                name: "ExecutiveTargets");

            migrationBuilder.DropTable(
                name: "MergedReferral");

            migrationBuilder.DropTable(
                name: "ReferralMove");

            migrationBuilder.DropTable(
                name: "ReviewInvitation");

            migrationBuilder.DropTable(
                name: "Defence");

            migrationBuilder.DropTable(
                name: "AccountReviews");

            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropTable(
                name: "ReviewCampaign");

            migrationBuilder.DropIndex(
                name: "IX_Referral_AccountId_CreatedAt",
                table: "Referral");

            migrationBuilder.DropIndex(
                name: "IX_Referral_OpportunityId",
                table: "Referral");

            migrationBuilder.DropIndex(
                name: "IX_Referral_Status_CreatedAt",
                table: "Referral");

            migrationBuilder.DropColumn(
                name: "OpportunityId",
                table: "Referral");

            migrationBuilder.DropColumn(
                name: "Board",
                table: "Ideas");

            migrationBuilder.CreateIndex(
                name: "IX_Referral_AccountId",
                table: "Referral",
                column: "AccountId");
        }
    }
}
