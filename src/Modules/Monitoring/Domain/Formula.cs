using System.Globalization;

namespace EduCloud.Monitoring.Domain;

/// <summary>
/// The small arithmetic language of form rules and indicator formulas, so both live in data rather than code:
/// numbers, field names, + - * /, comparisons (&lt; &lt;= &gt; &gt;= == !=, giving 1 or 0), &amp;&amp; ||, ! and
/// parentheses. A formula whose field is missing, or that divides by zero, has no value (null): a rule is then not
/// checked and an indicator not computed, rather than guessed.
/// </summary>
internal sealed class Formula
{
    private readonly Func<IReadOnlyDictionary<string, double>, double?> _evaluate;

    private Formula(string text, Func<IReadOnlyDictionary<string, double>, double?> evaluate, IReadOnlyList<string> fields)
    {
        Text = text;
        _evaluate = evaluate;
        Fields = fields;
    }

    public string Text { get; }

    /// <summary>The field names the formula reads.</summary>
    public IReadOnlyList<string> Fields { get; }

    public double? Evaluate(IReadOnlyDictionary<string, double> values) => _evaluate(values);

    /// <summary>Compiles a formula; throws FormatException naming the position of the first error.</summary>
    public static Formula Parse(string text)
    {
        var parser = new Parser(text);
        var body = parser.ParseOr();
        parser.ExpectEnd();
        return new Formula(text, body, parser.Fields.Distinct().ToList());
    }

    private sealed class Parser(string text)
    {
        private int _at;

        public List<string> Fields { get; } = [];

        public Func<IReadOnlyDictionary<string, double>, double?> ParseOr()
        {
            var left = ParseAnd();
            while (Take("||"))
            {
                var (l, r) = (left, ParseAnd());
                left = v => l(v) is { } a && r(v) is { } b ? (a != 0 || b != 0 ? 1 : 0) : null;
            }
            return left;
        }

        private Func<IReadOnlyDictionary<string, double>, double?> ParseAnd()
        {
            var left = ParseComparison();
            while (Take("&&"))
            {
                var (l, r) = (left, ParseComparison());
                left = v => l(v) is { } a && r(v) is { } b ? (a != 0 && b != 0 ? 1 : 0) : null;
            }
            return left;
        }

        private Func<IReadOnlyDictionary<string, double>, double?> ParseComparison()
        {
            var left = ParseSum();
            foreach (var op in (string[])["<=", ">=", "==", "!=", "<", ">"])
            {
                if (Take(op))
                {
                    var (l, r) = (left, ParseSum());
                    Func<double, double, bool> compare = op switch
                    {
                        "<=" => (a, b) => a <= b + 1e-9,
                        ">=" => (a, b) => a >= b - 1e-9,
                        "==" => (a, b) => Math.Abs(a - b) < 1e-9,
                        "!=" => (a, b) => Math.Abs(a - b) >= 1e-9,
                        "<" => (a, b) => a < b,
                        _ => (a, b) => a > b,
                    };
                    return v => l(v) is { } a && r(v) is { } b ? (compare(a, b) ? 1 : 0) : null;
                }
            }
            return left;
        }

        private Func<IReadOnlyDictionary<string, double>, double?> ParseSum()
        {
            var left = ParseProduct();
            while (true)
            {
                if (Take("+"))
                {
                    var (l, r) = (left, ParseProduct());
                    left = v => l(v) + r(v);
                }
                else if (Take("-"))
                {
                    var (l, r) = (left, ParseProduct());
                    left = v => l(v) - r(v);
                }
                else
                {
                    return left;
                }
            }
        }

        private Func<IReadOnlyDictionary<string, double>, double?> ParseProduct()
        {
            var left = ParseUnary();
            while (true)
            {
                if (Take("*"))
                {
                    var (l, r) = (left, ParseUnary());
                    left = v => l(v) * r(v);
                }
                else if (Take("/"))
                {
                    var (l, r) = (left, ParseUnary());
                    left = v => l(v) is { } a && r(v) is { } b && b != 0 ? a / b : null;
                }
                else
                {
                    return left;
                }
            }
        }

        private Func<IReadOnlyDictionary<string, double>, double?> ParseUnary()
        {
            if (Take("-"))
            {
                var inner = ParseUnary();
                return v => -inner(v);
            }
            if (Take("!"))
            {
                var inner = ParseUnary();
                return v => inner(v) is { } a ? (a == 0 ? 1 : 0) : null;
            }
            if (Take("("))
            {
                var inner = ParseOr();
                if (!Take(")"))
                {
                    throw Error("缺少右括号");
                }
                return inner;
            }
            SkipSpaces();
            var start = _at;
            if (_at < text.Length && (char.IsAsciiDigit(text[_at]) || text[_at] == '.'))
            {
                while (_at < text.Length && (char.IsAsciiDigit(text[_at]) || text[_at] == '.'))
                {
                    _at++;
                }
                var number = double.Parse(text[start.._at], CultureInfo.InvariantCulture);
                return _ => number;
            }
            if (_at < text.Length && (char.IsAsciiLetter(text[_at]) || text[_at] == '_'))
            {
                while (_at < text.Length && (char.IsAsciiLetterOrDigit(text[_at]) || text[_at] is '_' or '.'))
                {
                    _at++;
                }
                var name = text[start.._at];
                Fields.Add(name);
                return v => v.TryGetValue(name, out var x) ? x : null;
            }
            throw Error("应为数字、字段名或括号");
        }

        public void ExpectEnd()
        {
            SkipSpaces();
            if (_at < text.Length)
            {
                throw Error("多余的内容");
            }
        }

        private bool Take(string token)
        {
            SkipSpaces();
            if (string.CompareOrdinal(text, _at, token, 0, token.Length) != 0)
            {
                return false;
            }
            // "<" must not swallow the first half of "<=", nor "!" of "!=".
            if (token is "<" or ">" or "!" && _at + 1 < text.Length && text[_at + 1] == '=')
            {
                return false;
            }
            _at += token.Length;
            return true;
        }

        private void SkipSpaces()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }

        private FormatException Error(string what) => new($"公式“{text}”第{_at + 1}个字符处{what}");
    }
}
