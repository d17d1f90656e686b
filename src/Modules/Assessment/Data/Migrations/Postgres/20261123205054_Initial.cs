using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Assessment.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "assessment");

            migrationBuilder.CreateTable(
                name: "asm_answer",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AttemptId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuizId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuizItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Response = table.Column<List<string>>(type: "text[]", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    Correct = table.Column<bool>(type: "boolean", nullable: true),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MarkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asm_answer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "asm_attempt",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    QuizId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Score = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    MaxScore = table.Column<int>(type: "integer", nullable: false),
                    PendingMarks = table.Column<int>(type: "integer", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asm_attempt", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "asm_item",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Stem = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReferenceAnswer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StageCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Difficulty = table.Column<int>(type: "integer", nullable: false),
                    KnowledgePoints = table.Column<List<string>>(type: "text[]", nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    Shared = table.Column<bool>(type: "boolean", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true),
                    blanks = table.Column<string>(type: "jsonb", nullable: true),
                    options = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asm_item", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "asm_quiz",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TimeLimitMinutes = table.Column<int>(type: "integer", nullable: true),
                    AttemptsAllowed = table.Column<int>(type: "integer", nullable: false),
                    ShowAnswers = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asm_quiz", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "asm_quiz_class",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    QuizId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asm_quiz_class", x => x.Id);
                    table.ForeignKey(
                        name: "FK_asm_quiz_class_asm_quiz_QuizId",
                        column: x => x.QuizId,
                        principalSchema: "assessment",
                        principalTable: "asm_quiz",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asm_quiz_item",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    QuizId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Stem = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReferenceAnswer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    KnowledgePoints = table.Column<List<string>>(type: "text[]", nullable: false),
                    blanks = table.Column<string>(type: "jsonb", nullable: true),
                    options = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asm_quiz_item", x => x.Id);
                    table.ForeignKey(
                        name: "FK_asm_quiz_item_asm_quiz_QuizId",
                        column: x => x.QuizId,
                        principalSchema: "assessment",
                        principalTable: "asm_quiz",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_asm_answer_AttemptId_QuizItemId",
                schema: "assessment",
                table: "asm_answer",
                columns: new[] { "AttemptId", "QuizItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_asm_answer_CityCode",
                schema: "assessment",
                table: "asm_answer",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_answer_ClassId",
                schema: "assessment",
                table: "asm_answer",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_answer_CountyCode",
                schema: "assessment",
                table: "asm_answer",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_answer_ProvinceCode",
                schema: "assessment",
                table: "asm_answer",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_answer_QuizId_QuizItemId",
                schema: "assessment",
                table: "asm_answer",
                columns: new[] { "QuizId", "QuizItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_asm_answer_SchoolId",
                schema: "assessment",
                table: "asm_answer",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_attempt_CityCode",
                schema: "assessment",
                table: "asm_attempt",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_attempt_ClassId",
                schema: "assessment",
                table: "asm_attempt",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_attempt_CountyCode",
                schema: "assessment",
                table: "asm_attempt",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_attempt_ProvinceCode",
                schema: "assessment",
                table: "asm_attempt",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_attempt_QuizId_StudentId_Number",
                schema: "assessment",
                table: "asm_attempt",
                columns: new[] { "QuizId", "StudentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_asm_attempt_SchoolId",
                schema: "assessment",
                table: "asm_attempt",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_attempt_StudentId_StartedAt",
                schema: "assessment",
                table: "asm_attempt",
                columns: new[] { "StudentId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_CityCode",
                schema: "assessment",
                table: "asm_item",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_ClassId",
                schema: "assessment",
                table: "asm_item",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_CountyCode",
                schema: "assessment",
                table: "asm_item",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_OwnerId_UpdatedAt",
                schema: "assessment",
                table: "asm_item",
                columns: new[] { "OwnerId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_ProvinceCode",
                schema: "assessment",
                table: "asm_item",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_SchoolId",
                schema: "assessment",
                table: "asm_item",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_SchoolId_Shared",
                schema: "assessment",
                table: "asm_item",
                columns: new[] { "SchoolId", "Shared" });

            migrationBuilder.CreateIndex(
                name: "IX_asm_quiz_OwnerId",
                schema: "assessment",
                table: "asm_quiz",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_quiz_class_ClassId_QuizId",
                schema: "assessment",
                table: "asm_quiz_class",
                columns: new[] { "ClassId", "QuizId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_asm_quiz_class_QuizId",
                schema: "assessment",
                table: "asm_quiz_class",
                column: "QuizId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_quiz_item_QuizId_Position",
                schema: "assessment",
                table: "asm_quiz_item",
                columns: new[] { "QuizId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asm_answer",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "asm_attempt",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "asm_item",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "asm_quiz_class",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "asm_quiz_item",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "asm_quiz",
                schema: "assessment");
        }
    }
}
