import { describe, expect, it } from 'vitest';
import * as demo from '@scenebridge/demo';
import { defaultClassifier } from './classify.js';
import { microSetScores, sectorScores } from './eval/metrics.js';

// Our own synthetic data: needs from the demo generator (not evaluation data). The classifier
// does not train on the demo templates, so these are unseen texts.
const dataset = demo.generateDemoDataset({ seed: 'classifier-test', needs: 300, organizations: 60, now: new Date('2026-03-01T00:00:00Z') });
const needs = dataset.needs;

describe('Classifier', () => {
  const c = defaultClassifier();

  it('suggests the sector of generated demo needs', () => {
    const gold = needs.map((n) => n.sector);
    const pred = needs.map((n) => c.suggestSectors(`${n.title}。${n.description}`)[0]!.code);
    const s = sectorScores(gold, pred);
    expect(s.accuracy).toBeGreaterThan(0.9);
    expect(s.macroF1).toBeGreaterThan(0.9);
  });

  it('suggests the sector from the title alone most of the time', () => {
    const pred = needs.map((n) => c.suggestSectors(n.title)[0]!.code);
    expect(
      sectorScores(
        needs.map((n) => n.sector),
        pred,
      ).accuracy,
    ).toBeGreaterThan(0.75);
  });

  it('returns the top suggestions with confidences, best first', () => {
    const s = c.suggestSectors('三甲医院医学影像辅助诊断系统', 3);
    expect(s).toHaveLength(3);
    expect(s[0]!.code).toBe('healthcare');
    expect(s[0]!.confidence).toBeGreaterThan(s[1]!.confidence);
    const all = c.suggestSectors('三甲医院医学影像辅助诊断系统', 21);
    expect(all.reduce((a, x) => a + x.confidence, 0)).toBeCloseTo(1, 6);
  });

  it('handles bare domain names', () => {
    expect(c.suggestSectors('金融')[0]!.code).toBe('finance');
    expect(c.suggestSectors('智慧养老')[0]!.code).toBe('elderly_care');
    expect(c.suggestSectors('输电线路巡检')[0]!.code).toBe('energy');
  });

  it('takes no sector from a technique alone', () => {
    for (const t of ['联邦学习', '知识图谱', '脑机接口']) expect(c.suggestSectors(t)[0]!.confidence).toBeLessThan(0.1);
  });

  it('takes no sector evidence from numbers', () => {
    expect([...c.sectorScores('2025年 30% 2.5 100').values()].every((x) => x === 0)).toBe(true);
  });

  it('reads long published-style items past their list context', () => {
    const item =
      '“5G+智慧电厂”应用。在火电机组部署5G专网，实现巡检数据实时回传、设备状态在线监测和厂区人员定位，入选年度5G应用典型案例。本批次共发布案例30个。';
    expect(c.suggestSectors(item)[0]!.code).toBe('energy');
    expect(c.suggestSectors('一种富硒茶叶种植用土壤改良剂及其制备方法。专利权人拟以普通许可方式实施。')[0]!.code).toBe('agriculture');
  });

  it('suggests technology fields the text names, and none for bare scenario names', () => {
    const codes = (t: string) =>
      c
        .suggestTechFields(t)
        .map((x) => x.code)
        .sort();
    expect(codes('基于机器视觉的锂电池极片缺陷检测')).toEqual(['computer_vision']);
    expect(codes('无人机巡检与5G专网回传')).toEqual(['drones_low_altitude', 'networks_5g']);
    expect(codes('行业大模型智能体在政务问答中的应用')).toContain('foundation_models');
    expect(codes('智能工厂')).toEqual([]);
    expect(codes('AR/VR沉浸式展陈')).toEqual(['xr_metaverse']);
    expect(c.suggestTechFields('机器视觉')[0]!.evidence).toEqual(['机器视觉']);
  });

  it('recovers most tech fields the generated needs are tagged with', () => {
    // Demo needs name each tagged field with a phrase from TECH_PHRASES.
    const gold = needs.map((n) => new Set<string>(n.techFields));
    const pred = needs.map((n) => new Set<string>(c.suggestTechFields(`${n.title}。${n.description}`).map((t) => t.code)));
    const s = microSetScores(gold, pred);
    expect(s.recall).toBeGreaterThan(0.9);
    expect(s.precision).toBeGreaterThan(0.8);
  });
});
