using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddExecutivesAndAccountReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_AccountReviews_AccountId_ScheduledOn",
                table: "AccountReviews",
                columns: new[] { "AccountId", "ScheduledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountReviews_ScheduledOn",
                table: "AccountReviews",
                column: "ScheduledOn");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_AccountId_ClosedOn",
                table: "Escalations",
                columns: new[] { "AccountId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_ReviewId",
                table: "Escalations",
                column: "ReviewId");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropTable(
                name: "ExecutiveConversations");

            migrationBuilder.DropTable(
                name: "ExecutiveSponsors");

            migrationBuilder.DropTable(
                name: "ExecutiveTargets");

            migrationBuilder.DropTable(
                name: "AccountReviews");
        }
    }
}
