using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddTheExchange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DigestSentFor",
                table: "AspNetUsers",
                type: "character varying(7)",
                maxLength: 7,
                nullable: true);

            // Advocates who were here before the digest get it too, as new ones do.
            migrationBuilder.AddColumn<bool>(
                name: "ReceivesDigest",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "CandidateScores",
                columns: table => new
                {
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Segment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    IndustryId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsCandidate = table.Column<bool>(type: "boolean", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    ProfitPercentile = table.Column<int>(type: "integer", nullable: true),
                    LatestNps = table.Column<int>(type: "integer", nullable: true),
                    PromoterNeverAsked = table.Column<bool>(type: "boolean", nullable: false),
                    IsAdvocate = table.Column<bool>(type: "boolean", nullable: false),
                    LastEngagedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateScores", x => x.ContactId);
                    table.ForeignKey(
                        name: "FK_CandidateScores_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GiftPolicy",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    YearlyLimit = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    OccasionLimit = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    PublicSectorYearlyLimit = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    PublicSectorOccasionLimit = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    ApprovalAbove = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    HoursPerGift = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    PublicSectorIndustries = table.Column<List<string>>(type: "text[]", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GiftPolicy", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Gifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Occasion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WaitsBecause = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Exception = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ExceptionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreditHours = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Gifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Gifts_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Gifts_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Gifts_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Nominations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    NominatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nominations_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Nominations_AspNetUsers_NominatedById",
                        column: x => x.NominatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Nominations_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Nominations_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Offer",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Gives = table.Column<int>(type: "integer", nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EventOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    SeatsTaken = table.Column<int>(type: "integer", nullable: false),
                    CreditHours = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    Segments = table.Column<int[]>(type: "integer[]", nullable: false),
                    IndustryIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    MinimumStage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Offer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialCapitalNeed",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Capital = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialCapitalNeed", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialCapitalNeed_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OfferApplication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfferId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AppliedBy = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AppliedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferApplication", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfferApplication_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OfferApplication_Offer_OfferId",
                        column: x => x.OfferId,
                        principalTable: "Offer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_GiftId",
                table: "Engagements",
                column: "GiftId");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_OfferId",
                table: "Engagements",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateScores_AccountId",
                table: "CandidateScores",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateScores_IsAdvocate_LastEngagedOn_ContactId",
                table: "CandidateScores",
                columns: new[] { "IsAdvocate", "LastEngagedOn", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateScores_IsCandidate_IndustryId_Total_ContactId",
                table: "CandidateScores",
                columns: new[] { "IsCandidate", "IndustryId", "Total", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateScores_IsCandidate_Segment_Total_ContactId",
                table: "CandidateScores",
                columns: new[] { "IsCandidate", "Segment", "Total", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateScores_IsCandidate_Total_ContactId",
                table: "CandidateScores",
                columns: new[] { "IsCandidate", "Total", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateScores_PromoterNeverAsked_Total_ContactId",
                table: "CandidateScores",
                columns: new[] { "PromoterNeverAsked", "Total", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_Gifts_ContactId_GivenOn",
                table: "Gifts",
                columns: new[] { "ContactId", "GivenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Gifts_DecidedById",
                table: "Gifts",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_Gifts_RecordedById",
                table: "Gifts",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Gifts_State",
                table: "Gifts",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_ContactId_Open",
                table: "Nominations",
                column: "ContactId",
                unique: true,
                filter: "\"State\" = 'Proposed'");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_ContactId_ProposedAt",
                table: "Nominations",
                columns: new[] { "ContactId", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_DecidedById",
                table: "Nominations",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_NominatedById",
                table: "Nominations",
                column: "NominatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_OpportunityId_ContactId",
                table: "Nominations",
                columns: new[] { "OpportunityId", "ContactId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_State_ProposedAt",
                table: "Nominations",
                columns: new[] { "State", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Offer_State_ClosesOn",
                table: "Offer",
                columns: new[] { "State", "ClosesOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OfferApplication_ContactId",
                table: "OfferApplication",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_OfferApplication_OfferId_ContactId",
                table: "OfferApplication",
                columns: new[] { "OfferId", "ContactId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialCapitalNeed_ContactId_Capital",
                table: "SocialCapitalNeed",
                columns: new[] { "ContactId", "Capital" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Engagements_Gifts_GiftId",
                table: "Engagements",
                column: "GiftId",
                principalTable: "Gifts",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Engagements_Offer_OfferId",
                table: "Engagements",
                column: "OfferId",
                principalTable: "Offer",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Engagements_Gifts_GiftId",
                table: "Engagements");

            migrationBuilder.DropForeignKey(
                name: "FK_Engagements_Offer_OfferId",
                table: "Engagements");

            migrationBuilder.DropTable(
                name: "CandidateScores");

            migrationBuilder.DropTable(
                name: "GiftPolicy");

            migrationBuilder.DropTable(
                name: "Gifts");

            migrationBuilder.DropTable(
                name: "Nominations");

            migrationBuilder.DropTable(
                name: "OfferApplication");

            migrationBuilder.DropTable(
                name: "SocialCapitalNeed");

            migrationBuilder.DropTable(
                name: "Offer");

            migrationBuilder.DropIndex(
                name: "IX_Engagements_GiftId",
                table: "Engagements");

            migrationBuilder.DropIndex(
                name: "IX_Engagements_OfferId",
                table: "Engagements");

            migrationBuilder.DropColumn(
                name: "DigestSentFor",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ReceivesDigest",
                table: "AspNetUsers");
        }
    }
}
