using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Assessment.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "asm_answer",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttemptId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuizId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuizItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Response = table.Column<string>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    Correct = table.Column<bool>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MarkedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asm_answer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "asm_attempt",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuizId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Score = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    MaxScore = table.Column<int>(type: "INTEGER", nullable: false),
                    PendingMarks = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asm_attempt", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "asm_item",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Stem = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReferenceAnswer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StageCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Difficulty = table.Column<int>(type: "INTEGER", nullable: false),
                    KnowledgePoints = table.Column<string>(type: "TEXT", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    Shared = table.Column<bool>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    blanks = table.Column<string>(type: "TEXT", nullable: true),
                    options = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asm_item", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "asm_quiz",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TimeLimitMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    AttemptsAllowed = table.Column<int>(type: "INTEGER", nullable: false),
                    ShowAnswers = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asm_quiz", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "asm_quiz_class",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuizId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asm_quiz_class", x => x.Id);
                    table.ForeignKey(
                        name: "FK_asm_quiz_class_asm_quiz_QuizId",
                        column: x => x.QuizId,
                        principalTable: "asm_quiz",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asm_quiz_item",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuizId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Stem = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReferenceAnswer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    KnowledgePoints = table.Column<string>(type: "TEXT", nullable: false),
                    blanks = table.Column<string>(type: "TEXT", nullable: true),
                    options = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asm_quiz_item", x => x.Id);
                    table.ForeignKey(
                        name: "FK_asm_quiz_item_asm_quiz_QuizId",
                        column: x => x.QuizId,
                        principalTable: "asm_quiz",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_asm_answer_AttemptId_QuizItemId",
                table: "asm_answer",
                columns: new[] { "AttemptId", "QuizItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_asm_answer_CityCode",
                table: "asm_answer",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_answer_ClassId",
                table: "asm_answer",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_answer_CountyCode",
                table: "asm_answer",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_answer_ProvinceCode",
                table: "asm_answer",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_answer_QuizId_QuizItemId",
                table: "asm_answer",
                columns: new[] { "QuizId", "QuizItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_asm_answer_SchoolId",
                table: "asm_answer",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_attempt_CityCode",
                table: "asm_attempt",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_attempt_ClassId",
                table: "asm_attempt",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_attempt_CountyCode",
                table: "asm_attempt",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_attempt_ProvinceCode",
                table: "asm_attempt",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_attempt_QuizId_StudentId_Number",
                table: "asm_attempt",
                columns: new[] { "QuizId", "StudentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_asm_attempt_SchoolId",
                table: "asm_attempt",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_attempt_StudentId_StartedAt",
                table: "asm_attempt",
                columns: new[] { "StudentId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_CityCode",
                table: "asm_item",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_ClassId",
                table: "asm_item",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_CountyCode",
                table: "asm_item",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_OwnerId_UpdatedAt",
                table: "asm_item",
                columns: new[] { "OwnerId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_ProvinceCode",
                table: "asm_item",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_SchoolId",
                table: "asm_item",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_SchoolId_Shared",
                table: "asm_item",
                columns: new[] { "SchoolId", "Shared" });

            migrationBuilder.CreateIndex(
                name: "IX_asm_quiz_OwnerId",
                table: "asm_quiz",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_quiz_class_ClassId_QuizId",
                table: "asm_quiz_class",
                columns: new[] { "ClassId", "QuizId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_asm_quiz_class_QuizId",
                table: "asm_quiz_class",
                column: "QuizId");

            migrationBuilder.CreateIndex(
                name: "IX_asm_quiz_item_QuizId_Position",
                table: "asm_quiz_item",
                columns: new[] { "QuizId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asm_answer");

            migrationBuilder.DropTable(
                name: "asm_attempt");

            migrationBuilder.DropTable(
                name: "asm_item");

            migrationBuilder.DropTable(
                name: "asm_quiz_class");

            migrationBuilder.DropTable(
                name: "asm_quiz_item");

            migrationBuilder.DropTable(
                name: "asm_quiz");
        }
    }
}
