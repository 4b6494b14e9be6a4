// Public surface of @rollcall/model-convert: turn weights published in other formats (TF.js)
// into ONNX files that the one runtime (onnxruntime) loads.
export { CONVERTERS, runConverter, type Converter } from './converters';
export { packConverters, type FileConversion, type FileConverter } from './pack-converters';
export {
  convertFaceApiRecognition,
  FACE_API_RECOGNITION_INPUTS,
  FACE_API_RECOGNITION_NORMALISATION,
} from './face-api/convert-face-recognition';
export { DLIB_INPUT_SIZE, DLIB_EMBEDDING_SIZE } from './face-api/dlib-resnet-graph';
export { decodeWeights, type DecodedWeight } from './tfjs/dequantise';
export { parseWeightsManifest, type WeightGroup, type WeightEntry } from './tfjs/weights-manifest';
export { encodeModel, decodeModel, IR_VERSION, OPSET } from './onnx/encode-model';
export { OnnxGraph } from './onnx/onnx-graph';
