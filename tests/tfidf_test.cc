// Copyright 2026 The neardup Authors.

#include "neardup/tfidf.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"

#include "neardup/text.h"

#include "english_text.h"

namespace neardup {
namespace {

std::vector<Token> Tok(std::string_view text) { return Tokenize(text).tokens; }

double Norm(const TermVector& v) {
  double s = 0;
  for (float w : v.weights) s += static_cast<double>(w) * w;
  return std::sqrt(s);
}

TEST(TfIdfTest, EmptyModelAndEmptyDocument) {
  TfIdfModel model;
  EXPECT_EQ(model.num_documents(), 0);
  EXPECT_DOUBLE_EQ(model.Idf(123), 1.0);  // ln(1/1) + 1
  const TermVector v = model.Vectorize({});
  EXPECT_TRUE(v.terms.empty());
  EXPECT_TRUE(v.weights.empty());
  EXPECT_EQ(Cosine(v, v), 0.0);
}

TEST(TfIdfTest, IdfIsSmoothed) {
  TfIdfModel model;
  model.AddDocument(Tok("apple banana"));
  model.AddDocument(Tok("apple cherry cherry"));
  model.AddDocument(Tok("durian"));
  EXPECT_EQ(model.num_documents(), 3);
  EXPECT_EQ(model.DocumentFrequency(TokenHash("apple")), 2);
  EXPECT_EQ(model.DocumentFrequency(TokenHash("cherry")), 1);  // Once a doc.
  EXPECT_EQ(model.DocumentFrequency(TokenHash("kiwi")), 0);
  EXPECT_DOUBLE_EQ(model.Idf(TokenHash("apple")), std::log(4.0 / 3.0) + 1);
  EXPECT_DOUBLE_EQ(model.Idf(TokenHash("banana")), std::log(4.0 / 2.0) + 1);
  EXPECT_DOUBLE_EQ(model.Idf(TokenHash("kiwi")), std::log(4.0) + 1);
}

TEST(TfIdfTest, VectorIsSortedSublinearAndUnit) {
  TfIdfModel model;
  model.AddDocument(Tok("apple banana"));
  model.AddDocument(Tok("banana cherry"));
  const TermVector v = model.Vectorize(Tok("apple apple apple banana"));
  ASSERT_EQ(v.terms.size(), 2u);
  ASSERT_EQ(v.weights.size(), 2u);
  EXPECT_LT(v.terms[0], v.terms[1]);
  EXPECT_NEAR(Norm(v), 1.0, 1e-6);
  const double apple = (1 + std::log(3.0)) * model.Idf(TokenHash("apple"));
  const double banana = 1.0 * model.Idf(TokenHash("banana"));
  const double ratio = apple / banana;
  const bool apple_first = v.terms[0] == TokenHash("apple");
  const double got =
      apple_first ? v.weights[0] / v.weights[1] : v.weights[1] / v.weights[0];
  EXPECT_NEAR(got, ratio, 1e-5);
}

TEST(TfIdfTest, WeightTermsTakesAnyIdf) {
  // Terms 3 (three times), 7, 9 (twice); IDF 2 for 7, 0 for 9, 1 otherwise.
  const std::vector<uint64_t> terms = {3, 3, 3, 7, 9, 9};
  const auto idf = [](uint64_t t) { return t == 7 ? 2.0 : t == 9 ? 0.0 : 1.0; };
  const TermVector v = WeightTerms(terms, idf);
  ASSERT_EQ(v.terms, (std::vector<uint64_t>{3, 7, 9}));
  const double w3 = 1 + std::log(3.0), w7 = 2.0;
  const double norm = std::sqrt(w3 * w3 + w7 * w7);
  ASSERT_EQ(v.weights.size(), 3u);
  EXPECT_FLOAT_EQ(v.weights[0], static_cast<float>(w3 / norm));
  EXPECT_FLOAT_EQ(v.weights[1], static_cast<float>(w7 / norm));
  EXPECT_EQ(v.weights[2], 0.0f);
  // Every weight 0: no vector at all.
  EXPECT_TRUE(WeightTerms(std::vector<uint64_t>{9, 9}, idf).terms.empty());
  EXPECT_TRUE(WeightTerms({}, idf).terms.empty());
  // Vectorize() is WeightTerms() with the model's IDF.
  TfIdfModel model;
  model.AddDocument(Tok("apple banana"));
  const std::vector<Token> doc = Tok("apple apple cherry banana");
  std::vector<uint64_t> sorted;
  for (const Token& t : doc) sorted.push_back(t.hash);
  std::sort(sorted.begin(), sorted.end());
  const TermVector a = model.Vectorize(doc);
  const TermVector b =
      WeightTerms(sorted, [&model](uint64_t t) { return model.Idf(t); });
  EXPECT_EQ(a.terms, b.terms);
  EXPECT_EQ(a.weights, b.weights);
}

TEST(TfIdfTest, StopwordsDoNotContribute) {
  TfIdfModel model;
  model.AddDocument(Tok("the minister and the plan"));
  const TermVector v = model.Vectorize(Tok("The minister and the plan of it"));
  EXPECT_EQ(v.terms.size(), 2u);
  EXPECT_EQ(model.DocumentFrequency(TokenHash("the")), 0);
  // Documents sharing only stopwords are orthogonal.
  const TermVector a = model.Vectorize(Tok("the of and it minister"));
  const TermVector b = model.Vectorize(Tok("the of and it plan"));
  EXPECT_EQ(Cosine(a, b), 0.0);
  // A document of stopwords only has an empty vector.
  EXPECT_TRUE(model.Vectorize(Tok("the and of")).terms.empty());
}

TEST(TfIdfTest, NumbersAreContentWords) {
  TfIdfModel model;
  const TermVector v = model.Vectorize(Tok("in 2026"));
  ASSERT_EQ(v.terms.size(), 1u);
  EXPECT_EQ(v.terms[0], TokenHash("2026"));
}

TEST(TfIdfTest, CosineProperties) {
  const std::vector<std::string> docs =
      testing::GenerateEnglishCorpus(6, 1500, 21);
  TfIdfModel model;
  for (const auto& d : docs) model.AddDocument(Tok(d));
  std::vector<TermVector> v;
  for (const auto& d : docs) v.push_back(model.Vectorize(Tok(d)));
  for (size_t i = 0; i < v.size(); ++i) {
    EXPECT_NEAR(Cosine(v[i], v[i]), 1.0, 1e-5);
    EXPECT_NEAR(Cosine(v[i], model.Vectorize(Tok(docs[i]))), 1.0, 1e-5);
    for (size_t j = 0; j < v.size(); ++j) {
      EXPECT_DOUBLE_EQ(Cosine(v[i], v[j]), Cosine(v[j], v[i]));
      EXPECT_GE(Cosine(v[i], v[j]), 0.0);
      EXPECT_LE(Cosine(v[i], v[j]), 1.0 + 1e-6);
    }
  }
  const TermVector x = model.Vectorize(Tok("zebra quokka"));
  const TermVector y = model.Vectorize(Tok("walrus narwhal"));
  EXPECT_EQ(Cosine(x, y), 0.0);
  // A light rewrite stays closer than an unrelated document.
  const TermVector near =
      model.Vectorize(Tok(testing::PerturbText(docs[0], 0.1, 5)));
  EXPECT_GT(Cosine(v[0], near), 0.8);
  EXPECT_GT(Cosine(v[0], near), Cosine(v[0], v[1]) + 0.3);
}

TEST(TfIdfTest, PairwiseCosineEqualsPairwiseMerge) {
  std::vector<std::string> docs = testing::GenerateEnglishCorpus(12, 800, 3);
  docs.push_back(testing::PerturbText(docs[0], 0.2, 1));
  docs.push_back("the and of");  // Empty vector.
  docs.push_back(docs[2]);       // Exact duplicate.
  TfIdfModel model;
  for (const auto& d : docs) model.AddDocument(Tok(d));
  std::vector<TermVector> v;
  for (const auto& d : docs) v.push_back(model.Vectorize(Tok(d)));
  const size_t n = v.size();
  const std::vector<float> m = PairwiseCosine(v);
  ASSERT_EQ(m.size(), n * n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      EXPECT_NEAR(m[i * n + j], Cosine(v[i], v[j]), 1e-5) << i << "," << j;
      EXPECT_EQ(m[i * n + j], m[j * n + i]);
    }
  }
  EXPECT_EQ(m[13 * n + 13], 0.0f);
  EXPECT_EQ(m[0], 1.0f);
  EXPECT_NEAR(m[2 * n + 14], 1.0f, 1e-5);
  EXPECT_TRUE(PairwiseCosine({}).empty());
}

TEST(TfIdfTest, PairwiseCosineIsIndependentOfInputOrder) {
  const std::vector<std::string> docs =
      testing::GenerateEnglishCorpus(5, 600, 8);
  TfIdfModel model;
  for (const auto& d : docs) model.AddDocument(Tok(d));
  std::vector<TermVector> v;
  for (const auto& d : docs) v.push_back(model.Vectorize(Tok(d)));
  std::vector<TermVector> r(v.rbegin(), v.rend());
  const std::vector<float> a = PairwiseCosine(v), b = PairwiseCosine(r);
  const size_t n = v.size();
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      EXPECT_NEAR(a[i * n + j], b[(n - 1 - i) * n + (n - 1 - j)], 1e-6);
    }
  }
}

class FixedPrior : public DocumentFrequencyPrior {
 public:
  double DocumentFraction(uint64_t term) const override {
    return term == TokenHash("common") ? 0.5 : 0.0;
  }
};

TEST(TfIdfTest, BackgroundPriorBlendsIn) {
  TfIdfModel model;
  model.AddDocument(Tok("common rare"));
  const double before = model.Idf(TokenHash("common"));
  EXPECT_DOUBLE_EQ(before, model.Idf(TokenHash("rare")));
  model.SetBackground(std::make_shared<FixedPrior>(), 100.0);
  // N' = 101; df'(common) = 1 + 50; df'(rare) = 1.
  EXPECT_DOUBLE_EQ(model.Idf(TokenHash("common")), std::log(102.0 / 52.0) + 1);
  EXPECT_DOUBLE_EQ(model.Idf(TokenHash("rare")), std::log(102.0 / 2.0) + 1);
  EXPECT_EQ(model.num_documents(), 1);
  model.SetBackground(nullptr, 100.0);
  EXPECT_DOUBLE_EQ(model.Idf(TokenHash("common")), before);
}

TEST(TfIdfTest, ModelIsMovable) {
  TfIdfModel a;
  a.AddDocument(Tok("apple"));
  TfIdfModel b = std::move(a);
  EXPECT_EQ(b.num_documents(), 1);
  TfIdfModel c;
  c = std::move(b);
  EXPECT_EQ(c.DocumentFrequency(TokenHash("apple")), 1);
}

}  // namespace
}  // namespace neardup
